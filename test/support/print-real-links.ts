import {
  findRealLinks,
  LINKS_GOLD,
  readGoldLinks,
  realExtractions,
  scoreLinks,
} from './real-links';

/**
 * `npm run score:links [-- --verbose] [-- --dir D --gold G]`: the link finder on the real set
 * against the hand-labelled links (or another labelled set in the same layout).
 */
export function printRealLinks(args: string[]): void {
  const option = (name: string) => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const texts = realExtractions(option('--dir'));
  const found = findRealLinks(texts);
  const score = scoreLinks(found, readGoldLinks(option('--gold') ?? LINKS_GOLD));
  const pct = (x: number) => x.toFixed(2);
  process.stdout.write(
    `links over the chronology (${texts.length} texts ingested in session order, each offered the mandates of those before it)\n` +
      `links: ${score.gold} labelled (${score.explicitGold} explicit), ${score.found} found, ${score.linked} right pair, ${score.matched} right pair and kind\n` +
      `precision ${pct(score.precision)}  recall ${pct(score.recall)}  kind right where the pair is ${pct(score.kindAccuracy)}\n`,
  );
  if (!args.includes('--verbose')) return;
  for (const m of score.missed)
    process.stdout.write(
      `missed ${m.file} ${m.from} -> ${m.to} ${m.kind}: ${m.sentence.slice(0, 160)}\n`,
    );
  for (const w of score.wrong)
    process.stdout.write(
      `wrong  ${w.file} ${w.from} -> ${w.to} ${w.kind} (labelled: ${w.goldKind ?? 'no link'}): ${w.sentence.slice(0, 160)}\n`,
    );
}
