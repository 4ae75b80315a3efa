import { validateEnvironment } from './app.config';

describe('configuration', () => {
  it('gives the embedded defaults when nothing is set', () => {
    expect(validateEnvironment({})).toMatchObject({
      PORT: 3000,
      DATABASE_URL: 'sqlite:data/mandate-tracker.sqlite',
      SEEDS_DIR: 'seeds',
    });
  });

  it('reads numbers from strings', () => {
    expect(validateEnvironment({ PORT: '8080' }).PORT).toBe(8080);
  });

  it('stops with the name of a wrong variable and never echoes a password', () => {
    expect(() => validateEnvironment({ DATABASE_URL: 'mysql://root:secret@db/x' })).toThrow(
      /DATABASE_URL must be sqlite:<path> or postgres/,
    );
    expect(() => validateEnvironment({ ADMIN_PASSWORD: 'short' })).toThrow(
      /ADMIN_PASSWORD must have at least 12 characters/,
    );
    try {
      validateEnvironment({ ADMIN_PASSWORD: 'short' });
    } catch (error) {
      expect(String(error)).not.toContain('short');
    }
  });
});
