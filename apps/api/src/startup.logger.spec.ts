import { StartupLogger } from './startup.logger';

function printed(level: string | undefined, write: (logger: StartupLogger) => void): string {
  const lines: string[] = [];
  const spy = jest
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
  try {
    write(new StartupLogger(level));
  } finally {
    spy.mockRestore();
  }
  return lines.join('');
}

describe('the start-up logger', () => {
  const start = (logger: StartupLogger) => {
    logger.log('AppModule dependencies initialized', 'InstanceLoader');
    logger.log('Mapped {/api/mandates, GET} route', 'RouterExplorer');
    logger.log('MandatesController {/api/mandates}:', 'RoutesResolver');
    logger.log(
      'erste Anmeldung: admin@localhost mit dem Passwort aus der Datei data/x',
      'FirstStart',
    );
  };

  it("keeps Nest's module and route mapping out of a normal start, and the summary in", () => {
    const out = printed(undefined, start);
    expect(out).not.toContain('Mapped');
    expect(out).not.toContain('dependencies initialized');
    expect(out).not.toContain('MandatesController');
    expect(out).toContain('erste Anmeldung: admin@localhost');
  });

  it('shows the mapping at LOG_LEVEL=debug', () => {
    const out = printed('debug', start);
    expect(out).toContain('Mapped {/api/mandates, GET} route');
    expect(out).toContain('erste Anmeldung');
  });
});
