import { Help, type Command, type Option } from 'commander';

// commander writes its help and its refusals in English; the `tracker` command says them in German,
// as everything else a user reads.

const TITLES: Record<string, string> = {
  'Usage:': 'Aufruf:',
  'Arguments:': 'Angaben:',
  'Options:': 'Optionen:',
  'Global Options:': 'Allgemeine Optionen:',
  'Commands:': 'Befehle:',
};

/** "[options]" and "[command]" in a usage line or a command's term. */
function germanUsage(usage: string): string {
  return usage.replace(/\[options\]/g, '[Optionen]').replace(/\[command\]/g, '[Befehl]');
}

/** commander's refusals by their wording, with what to say instead. */
const REFUSALS: Array<[RegExp, (...parts: string[]) => string]> = [
  [/^error: unknown option '(.+?)'/, (flag) => `die Option ${flag} gibt es hier nicht`],
  [/^error: unknown command '(.+?)'/, (name) => `den Befehl „${name}“ gibt es nicht`],
  [/^error: missing required argument '(.+?)'/, (name) => `es fehlt die Angabe <${name}>`],
  [/^error: required option '(.+?)' not specified/, (flags) => `die Option ${flags} ist nötig`],
  [/^error: option '(.+?)' argument missing/, (flags) => `bei der Option ${flags} fehlt der Wert`],
  [
    /^error: option '(.+?)' argument '(.*?)' is invalid\. ?/,
    (flags, value) => `„${value}“ passt nicht zur Option ${flags}: `,
  ],
  [
    /^error: too many arguments(?: for '.+?')?\. Expected (\d+) arguments? but got (\d+)\./,
    (expected, got) => `zu viele Angaben: erwartet ${expected}, gegeben ${got}`,
  ],
  [/^error: /, () => ''],
];

/** A refusal of commander's in German, starting with "Fehler:" as the command's own do. */
export function germanRefusal(message: string): string {
  let text = message;
  for (const [pattern, say] of REFUSALS) {
    const match = pattern.exec(text);
    if (!match) continue;
    text = say(...match.slice(1)) + text.slice(match[0].length);
    break;
  }
  return `Fehler: ${text.replace(/\(Did you mean (.+?)\?\)/, '(Meinten Sie $1?)')}`;
}

class GermanHelp extends Help {
  override styleTitle(title: string): string {
    return TITLES[title] ?? title;
  }

  override commandUsage(cmd: Command): string {
    return germanUsage(super.commandUsage(cmd));
  }

  override subcommandTerm(cmd: Command): string {
    return germanUsage(super.subcommandTerm(cmd));
  }

  override optionDescription(option: Option): string {
    return super.optionDescription(option).replace(/\((default|Vorgabe): /, '(Vorgabe: ');
  }
}

/** Makes a program (and every command declared on it afterwards) speak German. */
export function inGerman(program: Command): Command {
  const help = new GermanHelp();
  return program
    .configureHelp({
      styleTitle: (title) => help.styleTitle(title),
      commandUsage: (cmd) => help.commandUsage(cmd),
      subcommandTerm: (cmd) => help.subcommandTerm(cmd),
      optionDescription: (option) => help.optionDescription(option),
    })
    .helpOption('-h, --help', 'zeigt diese Hilfe')
    .helpCommand('help [Befehl]', 'zeigt die Hilfe zu einem Befehl')
    .configureOutput({ outputError: (text, write) => write(`${germanRefusal(text.trimEnd())}\n`) });
}
