import type { Command } from 'commander';
import { trackerProgram } from './tracker.program';

/** The program and every command under it, groups included. */
function allCommands(command: Command): Command[] {
  return [command, ...command.commands.flatMap(allCommands)];
}

/** What a user types is no prose: the command names and option flags are taken out of the help. */
function prose(help: string, commands: Command[]): string {
  const typed = commands.flatMap((c) => [
    c.name(),
    ...c.options.flatMap((o) => [o.long, o.short].filter((f): f is string => !!f)),
  ]);
  let text = help;
  for (const word of typed.sort((a, b) => b.length - a.length))
    text = text.replace(new RegExp(`(?<![\\w-])${word.replace(/[-]/g, '\\-')}(?![\\w-])`, 'g'), '');
  // Values the options take are listed as "deutsches Wort (value)": the value is what is typed.
  return text.replace(/\([a-z_]+\)/g, '');
}

/** Common English words: a help line that holds one was not translated. */
const ENGLISH =
  /\b(the|a|of|to|and|or|for|with|this|is|are|created|proposed|error|usage|options|commands|arguments|show|shows|print|list|display|help for|mandates|obligations|decisions|default|session|member|owners?)\b/i;

describe('the tracker command speaks German', () => {
  const program = trackerProgram();
  const commands = allCommands(program);

  it.each(commands.map((c) => [c.name(), c] as const))(
    'explains %s without English words',
    (_name, command) => {
      const help = command.helpInformation();
      const found = prose(help, commands)
        .split('\n')
        .filter((line) => ENGLISH.test(line));
      expect(found).toEqual([]);
      expect(help).toMatch(/^Aufruf: tracker/);
    },
  );

  it('lists every command and its options under German headings', () => {
    const help = program.helpInformation();
    expect(help).toContain('Befehle:');
    expect(help).toContain('Optionen:');
    expect(help).toContain('-h, --help');
    expect(help).toContain('zeigt diese Hilfe');
    const mandates = commands
      .find((c) => c.name() === 'mandates')!
      .helpInformation()
      .replace(/\s+/g, ' ');
    expect(mandates).toContain('Aufruf: tracker mandates [Optionen]');
    expect(mandates).toContain('offen (open), in Bearbeitung (in_progress), berichtet (reported)');
  });

  describe('refusals', () => {
    let written: string[];
    beforeEach(() => {
      written = [];
      for (const c of commands)
        c.exitOverride().configureOutput({ writeErr: (text) => void written.push(text) });
    });

    it.each([
      [['mandates', '--bogus'], /^Fehler: die Option --bogus gibt es hier nicht\n/],
      [
        ['mandates', '--statu', 'open'],
        /^Fehler: die Option --statu gibt es hier nicht\n\(Meinten Sie --status\?\)/,
      ],
      [
        ['mandates', '--status', 'fertig'],
        /^Fehler: „fertig“ passt nicht zur Option --status <Status>: möglich sind: offen \(open\)/,
      ],
      [
        ['mandates', '--due-meeting', 'x'],
        /^Fehler: „x“ passt nicht zur Option --due-meeting <Nummer>: erwartet wird eine ganze Zahl ab 1/,
      ],
      [['extract'], /^Fehler: es fehlt die Angabe <Datei>\n/],
      [['users', 'disable'], /^Fehler: die Option --email <E-Mail-Adresse> ist nötig\n/],
      [['links', '--meeting'], /^Fehler: bei der Option --meeting <Nummer> fehlt der Wert\n/],
      [['migrate', 'jetzt'], /^Fehler: zu viele Angaben: erwartet 0, gegeben 1\n/],
      [['mandat'], /^Fehler: den Befehl „mandat“ gibt es nicht\n\(Meinten Sie mandates\?\)/],
    ])('tracker %j refuses in German', async (args, message) => {
      await expect(program.parseAsync(args, { from: 'user' })).rejects.toThrow();
      expect(written[0]).toMatch(message);
      // The help that follows is German too.
      expect(written.join('')).toContain('Aufruf: tracker');
      expect(written.join('')).not.toMatch(/\b(error|Usage|Options):/);
    });
  });
});
