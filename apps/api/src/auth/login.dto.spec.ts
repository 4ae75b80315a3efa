import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { LoginDto } from './login.dto';

describe('sign-in input', () => {
  const problems = (body: object) =>
    validateSync(plainToInstance(LoginDto, body)).flatMap((e) =>
      Object.values(e.constraints ?? {}),
    );

  it('accepts the first account admin@localhost and intranet addresses without a top-level domain', () => {
    expect(problems({ email: 'admin@localhost', password: 'x' })).toEqual([]);
    expect(problems({ email: 'ref.4@fitko.intern', password: 'x' })).toEqual([]);
  });

  it('names a malformed email', () => {
    expect(problems({ email: 'not-an-address', password: 'x' })).toEqual([
      'email must be an email address',
    ]);
  });
});
