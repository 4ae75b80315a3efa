import type { MandateBasis, UncertainReason } from '../extraction.types';
import type { PointText } from '../document/decision-points';

/** A request read from a sentence, before its deadline is read. */
export interface Candidate {
  owners: string[];
  partners: string[];
  action: string;
  /** The words the deadline is read from. */
  clause: string;
  basis: MandateBasis;
  basisText: string;
  uncertain: UncertainReason[];
}

export interface DecisionState {
  /** Title and text read before this sentence, for "das Koordinierungsprojekt" and the like. */
  context: string;
  /** Owners the decision itself named as leads ("die Federführer"). */
  leads: string[];
  /** Owners of the mandate before, for "Er bittet sie ...". */
  lastOwners: string[];
  /** The sentences read before, for "bis dahin" (the last time one of them names). */
  earlier: string[];
  /** The decision's title as written, to name "die Arbeitsgruppe" it sets up. */
  title: string;
  /** Names of the council's deciding body for this decision (its AL-Runde). */
  body?: string;
  point?: PointText;
  /** The sentence being read, for pronouns in it ("errichtet einen Kreis und beauftragt ihn"). */
  prefix?: string;
  /** Bodies the decision sets up ("richten ... eine Transformationseinheit ein"): what they do is their remit. */
  setUp: string[];
  /** The sentence being read is cut off by the end of the text. */
  cutOff?: boolean;
  /** A mandate was found earlier in the point being read. */
  pointHasMandate?: boolean;
  /** Owners and partners of the mandate before, for "beide Berichterstatter". */
  lastParties: string[];
  /**
   * Members the decision gives a body it sets up ("eine Lenkungsgruppe …, der der Bund, Bayern
   * und die FITKO angehören"), for "die Mitglieder der Lenkungsgruppe".
   */
  members?: Array<{ head: string; owners: string[] }>;
}

export interface Addressees {
  owners: string[];
  end: number;
  /** Read from a pronoun, a bare "die Arbeitsgruppe" or a group the text restricts. */
  inferred: boolean;
}
