import 'reflect-metadata';
import { plainToInstance, Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  ValidateNested,
  validate,
} from 'class-validator';
import { germanValidationMessages } from './validation-messages';

class Due {
  // Worded by the DTO with its whole path, in English: said in German all the same.
  @IsIn(['meeting', 'date'], { message: 'due.kind must be one of: meeting, date' })
  kind!: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  meeting?: number;
}

class Body {
  @IsString()
  @IsNotEmpty()
  @MaxLength(5)
  note!: string;

  @ValidateNested()
  @Type(() => Due)
  due!: Due;

  @IsOptional()
  @IsString({ message: 'label: bitte als Text angeben.' })
  label?: unknown;
}

async function messages(plain: object): Promise<string[]> {
  const errors = await validate(plainToInstance(Body, plain), {
    whitelist: true,
    forbidNonWhitelisted: true,
  });
  return germanValidationMessages(errors);
}

describe('germanValidationMessages', () => {
  it('words the field checks in German, with the field path and the limit', async () => {
    expect(
      await messages({ note: 'zu lang hier', due: { kind: 'sometime', meeting: 0 }, extra: 1 }),
    ).toEqual([
      'Das Feld „extra“ gibt es hier nicht.',
      'note: höchstens 5 Zeichen.',
      'due.kind: erlaubt sind meeting, date.',
      'due.meeting: mindestens 1.',
    ]);
  });

  it('names a missing or empty field, and keeps a message the DTO already words', async () => {
    const said = await messages({ note: '', due: 'x', label: 3 });
    expect(said).toContain('note darf nicht leer sein.');
    expect(said).toContain('due: erwartet wird ein Objekt.');
    expect(said).toContain('label: bitte als Text angeben.');
    expect(said.join(' ')).not.toMatch(/\b(must|should|property)\b/);
  });
});
