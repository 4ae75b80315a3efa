import { LINK_KINDS } from '@app/domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import {
  DECISION_LINK_STATES,
  type DecisionLinkKind,
  type DecisionLinkState,
} from '@app/persistence';

export const DECISION_LINK_KINDS: readonly DecisionLinkKind[] = LINK_KINDS;

export class LinkListQuery {
  @ApiPropertyOptional({
    description: 'Council of the later decision, by its short name or id (GET /api/councils)',
    example: 'itplr',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  council?: string;

  @ApiPropertyOptional({ example: 43, description: 'Session of the later decision' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  meeting?: number;

  @ApiPropertyOptional({ enum: DECISION_LINK_STATES, example: 'proposed' })
  @IsOptional()
  @IsIn(DECISION_LINK_STATES, {
    message: `state must be one of: ${DECISION_LINK_STATES.join(', ')}`,
  })
  state?: DecisionLinkState;

  @ApiPropertyOptional({ enum: DECISION_LINK_KINDS, example: 'fulfils' })
  @IsOptional()
  @IsIn(DECISION_LINK_KINDS, { message: `kind must be one of: ${DECISION_LINK_KINDS.join(', ')}` })
  kind?: DecisionLinkKind;

  @ApiPropertyOptional({ example: '2023/12', description: 'The later decision' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  @Matches(/^\S.*$/, { message: 'resolution must not be empty' })
  resolution?: string;
}
