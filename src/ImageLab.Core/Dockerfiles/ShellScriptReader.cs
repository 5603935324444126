using System.Text;

namespace ImageLab.Core.Dockerfiles;

/// <summary>
/// One pass of <see cref="ShellScript.Split"/> over a script: the word and the command being read, and the commands so
/// far. Each kind of character has its step: escapes, quotes, substitutions, comments, separators. It stops once it
/// holds <c>maxCommands</c> commands.
/// </summary>
internal sealed class ShellScriptReader(string script, int maxCommands)
{
    private static readonly HashSet<string> LeadingKeywords = new(StringComparer.Ordinal) { "then", "do", "else", "elif", "if", "while", "until", "!", "{", "(" };
    private static readonly HashSet<string> ClosingKeywords = new(StringComparer.Ordinal) { "fi", "done", "esac", "}", ")" };

    private readonly List<ShellCommand> _commands = [];
    private readonly List<string> _words = [];
    private readonly StringBuilder _word = new();
    private bool _inWord;
    private int _i;

    // The character after the current one, or '\0' at the end.
    private char Next => _i + 1 < script.Length ? script[_i + 1] : '\0';

    public List<ShellCommand> Read()
    {
        while (_i < script.Length && _commands.Count < maxCommands)
        {
            Step(script[_i]);
        }

        if (_commands.Count < maxCommands)
        {
            EndCommand("");
        }

        return _commands;
    }

    private void Step(char c)
    {
        switch (c)
        {
            case '\\':
                ReadEscape();
                break;
            case '\'':
                ReadSingleQuoted();
                break;
            case '"':
                _inWord = true;
                _i = ReadDoubleQuoted(script, _i + 1, _word);
                break;
            case '$' when Next == '(':
                _inWord = true;
                _i = ReadBalanced(script, _i, _word);
                break;
            case '`':
                ReadBackticks();
                break;
            case '#' when !_inWord:
                SkipComment();
                break;
            case ' ' or '\t' or '\r':
                EndWord();
                _i++;
                break;
            case '\n':
                EndCommand("\n");
                _i++;
                break;
            case ';':
                EndCommand(";");
                _i += Next == ';' ? 2 : 1;
                break;
            case '&':
                ReadAmpersand();
                break;
            case '|':
                ReadPipe();
                break;
            case '(' or ')' when !_inWord:
                EndWord();
                _i++;
                break;
            default:
                AppendToWord(c);
                break;
        }
    }

    private void AppendToWord(char c)
    {
        _word.Append(c);
        _inWord = true;
        _i++;
    }

    // A backslash keeps the next character; before a newline (LF or CRLF) it joins the lines.
    private void ReadEscape()
    {
        if (_i + 1 >= script.Length)
        {
            _i++;
            return;
        }

        if (Next == '\n')
        {
            _i += 2;
        }
        else if (Next == '\r' && _i + 2 < script.Length && script[_i + 2] == '\n')
        {
            _i += 3;
        }
        else
        {
            _word.Append(Next);
            _inWord = true;
            _i += 2;
        }
    }

    private void ReadSingleQuoted()
    {
        _inWord = true;
        var close = script.IndexOf('\'', _i + 1);
        var end = close < 0 ? script.Length : close;
        _word.Append(script, _i + 1, end - _i - 1);
        _i = close < 0 ? script.Length : close + 1;
    }

    // A backtick substitution stays in the word as written.
    private void ReadBackticks()
    {
        _inWord = true;
        var close = script.IndexOf('`', _i + 1);
        var end = close < 0 ? script.Length : close + 1;
        _word.Append(script, _i, end - _i);
        _i = end;
    }

    private void SkipComment()
    {
        while (_i < script.Length && script[_i] != '\n')
        {
            _i++;
        }
    }

    // && ends a command, as does a lone & (in the background); in a redirection (2>&1, &>file) it is part of the word.
    private void ReadAmpersand()
    {
        if (Next == '&')
        {
            EndCommand("&&");
            _i += 2;
        }
        else if ((_i > 0 && script[_i - 1] is '>' or '<') || Next == '>')
        {
            AppendToWord('&');
        }
        else
        {
            EndCommand("&");
            _i++;
        }
    }

    // || and | end a command; after '>' (>|, a forced redirection) it is part of the word.
    private void ReadPipe()
    {
        if (Next == '|')
        {
            EndCommand("||");
            _i += 2;
        }
        else if (_i > 0 && script[_i - 1] == '>')
        {
            _word.Append('|');
            _i++;
        }
        else
        {
            EndCommand("|");
            _i++;
        }
    }

    private void EndWord()
    {
        if (_inWord)
        {
            _words.Add(_word.ToString());
            _word.Clear();
            _inWord = false;
        }
    }

    // The words read since the last separator make a command, without the keywords of the shell's compound commands.
    private void EndCommand(string separator)
    {
        EndWord();
        var start = 0;
        while (start < _words.Count && LeadingKeywords.Contains(_words[start]))
        {
            start++;
        }

        var end = _words.Count;
        while (end > start && ClosingKeywords.Contains(_words[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            _commands.Add(new ShellCommand(_words.GetRange(start, end - start), separator));
        }

        _words.Clear();
    }

    private static int ReadDoubleQuoted(string script, int i, StringBuilder word)
    {
        var n = script.Length;
        while (i < n)
        {
            var c = script[i];
            if (c == '"')
            {
                return i + 1;
            }

            if (c == '\\' && i + 1 < n && script[i + 1] is '"' or '\\' or '$' or '`' or '\n')
            {
                if (script[i + 1] != '\n')
                {
                    word.Append(script[i + 1]);
                }

                i += 2;
                continue;
            }

            if (c == '$' && i + 1 < n && script[i + 1] == '(')
            {
                i = ReadBalanced(script, i, word);
                continue;
            }

            word.Append(c);
            i++;
        }

        return n;
    }

    private static int ReadBalanced(string script, int i, StringBuilder word)
    {
        var n = script.Length;
        var depth = 0;
        var start = i;
        while (i < n)
        {
            var c = script[i];
            if (c == '(')
            {
                depth++;
            }
            else if (c == ')')
            {
                depth--;
                if (depth == 0)
                {
                    i++;
                    break;
                }
            }
            else if (c == '\\')
            {
                i++;
            }

            i++;
        }

        i = Math.Min(i, n);
        word.Append(script, start, i - start);
        return i;
    }
}
