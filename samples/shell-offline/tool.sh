#!/bin/sh
# Prints a word count of the data file: the "service" this ladder packages.
set -eu
wc -w /app/data.txt
