import { readFileSync } from 'node:fs';
import { describeFixtures } from '../../../test/support/extraction-fixtures';

/**
 * Hand-written fixtures: every phrasing and deadline family, the three input shapes. Each
 * expected file fixes the meeting, the resolution fields it names, and all mandates in order.
 */
describeFixtures('fixture %s', '.txt', (file) => readFileSync(file, 'utf8'));
