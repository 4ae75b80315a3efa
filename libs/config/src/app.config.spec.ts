import { trustProxySetting, validateEnvironment } from './app.config';

describe('configuration', () => {
  it('gives the embedded defaults when nothing is set', () => {
    expect(validateEnvironment({})).toMatchObject({
      PORT: 3000,
      DATABASE_URL: 'sqlite:data/mandate-tracker.sqlite',
      SEEDS_DIR: 'seeds',
    });
  });

  it('takes an empty variable for its default, but an empty SAMPLE_PROTOCOL for "no sample"', () => {
    expect(validateEnvironment({ PORT: '', SAMPLE_PROTOCOL: '' })).toMatchObject({
      PORT: 3000,
      SAMPLE_PROTOCOL: '',
    });
    expect(validateEnvironment({}).SAMPLE_PROTOCOL).toBe('seeds/protocols/itplr-32.md');
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

  it('takes TRUST_PROXY as a hop count or a list of names, addresses and ranges', () => {
    for (const good of ['1', 'loopback', '10.0.0.0/8, 192.168.1.4', 'loopback,fd00::/8', '::1']) {
      expect(validateEnvironment({ TRUST_PROXY: good }).TRUST_PROXY).toBe(good);
    }
    for (const bad of ['true', 'abc', '10.0.0.0/33', 'loopback/8', '1.2.3.4/8/1', '1,2']) {
      expect(() => validateEnvironment({ TRUST_PROXY: bad })).toThrow(/TRUST_PROXY must be/);
    }
    expect(trustProxySetting(undefined)).toBe(false);
    expect(trustProxySetting('')).toBe(false);
    expect(trustProxySetting('2')).toBe(2);
    expect(trustProxySetting('loopback, 10.0.0.0/8')).toEqual(['loopback', '10.0.0.0/8']);
  });

  it('publishes OParl only when OPARL_PUBLISH says what', () => {
    expect(validateEnvironment({}).OPARL_PUBLISH).toBe('off');
    for (const value of ['off', 'decisions', 'follow-up'])
      expect(validateEnvironment({ OPARL_PUBLISH: value }).OPARL_PUBLISH).toBe(value);
    expect(() => validateEnvironment({ OPARL_PUBLISH: 'on' })).toThrow(
      /OPARL_PUBLISH must be off, decisions or follow-up/,
    );
  });
});
