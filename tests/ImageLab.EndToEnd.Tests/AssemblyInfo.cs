// Each test starts the whole app and drives a browser on a small machine: one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
