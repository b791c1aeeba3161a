/**
 * Decides the role each word plays in noun phrases: head noun, modifier, or neither. Starts
 * from compromise's tags and repairs, from the neighbouring words, the mistakes it makes most
 * on abstracts: a past participle between a determiner and a noun is a modifier ("a
 * generalized linear model"); an "-s" word it took for a verb closes a phrase before
 * punctuation or a preposition ("structural causal models (SCMs)"); an "-ing" word belongs to
 * a phrase only when it names a field ("causal representation learning", not "using sheaf
 * theory"); and a word where a verb is expected is a verb, whatever its tag — after "to", a
 * modal or a subject pronoun when an adjective follows ("to leverage recent advances"), before
 * a determiner ("the agent employs the ReAct framework"), and next to a plural noun inside a
 * phrase, since plurals rarely modify another noun ("existing methods focus on …", "a causal
 * model encodes assumptions").
 */
import { ADJECTIVAL_ING, BREAK_WORDS, NOMINAL_GERUNDS } from './stopwords.ts';
import { lexiconTag, type WordUnit } from './tag.ts';

export type Role = 'noun' | 'modifier' | 'none';
type OwnRole = Role | 'participle' | 'gerund' | 'plural-verb';

const WORD_PART = /^[\p{L}\p{N}][\p{L}\p{N}.+]*$/u;
const CLOSED_CLASS = ['Pronoun', 'Determiner', 'Preposition', 'Conjunction', 'Possessive', 'Value'];
const BOUNDARY_AFTER = [
  'Preposition',
  'Conjunction',
  'Determiner',
  'QuestionWord',
  'Adverb',
  'Verb',
];
const VERB_TAGS = new Set(['Infinitive', 'PresentTense', 'PastTense', 'Gerund', 'Verb']);
/** Words after which the next word is a verb more often than not. */
const VERB_SLOT = new Set(
  'to that which who can could may might will would shall should must cannot we they'.split(' '),
);
/** Endings of adjectives the lexicon does not know ("causal", "counterfactual", "invertible"). */
const ADJECTIVE_SUFFIX = /(?:al|ive|ous|ic|ar|ary|ent|ant|ible|able|ful|less|ed|ing)$/;
/** Words that open a noun phrase: a noun before one ends its own phrase as a verb. */
const OPENERS = new Set('a an the this these those its their our his her us them it'.split(' '));

const has = (unit: WordUnit | undefined, tag: string): boolean =>
  unit !== undefined && unit.tags.has(tag);
const hasAny = (unit: WordUnit | undefined, tags: readonly string[]): boolean => {
  if (unit === undefined) return false;
  for (const tag of tags) if (unit.tags.has(tag)) return true;
  return false;
};

/** A plural noun, not an acronym ("SCMs") nor a singular in "-s" ("dynamics", "series"). */
const pluralNoun = (unit: WordUnit | undefined): boolean =>
  unit !== undefined &&
  has(unit, 'Plural') &&
  !has(unit, 'Acronym') &&
  !/(?:ss|us|is|ics|series|species)$/.test(unit.lower) &&
  unit.parts.length === 1;

/** Punctuation between two units ends a phrase ("latent iterations, LoRA modules"). */
export const separated = (a: WordUnit, b: WordUnit): boolean =>
  /\S/.test(a.post) || /\S/.test(b.pre);

/** The role a unit plays on its own, before its neighbours are looked at. */
function ownRole(unit: WordUnit): OwnRole {
  const text = unit.lower;
  if (!unit.parts.every((part) => WORD_PART.test(part)) || BREAK_WORDS.has(text)) return 'none';
  if (/^[-‐‑]/.test(unit.post)) return 'none'; // a dangling prefix: "intra- and inter-modal"
  const tags = unit.lastTags;
  if (unit.parts.length > 1) {
    const versioned = /^\d[\w.]*$/.test(unit.parts[unit.parts.length - 1]!); // "GPT-4"
    return tags.has('Noun') || versioned ? 'noun' : 'modifier';
  }
  if (text === 'non') return 'modifier'; // "non stationary", as some write "non-stationary"
  if (hasAny(unit, CLOSED_CLASS)) return 'none';
  if (tags.has('Comparative') || tags.has('Superlative')) return 'none';
  if (tags.has('Gerund')) return 'gerund';
  if (tags.has('Noun')) return 'noun';
  if (tags.has('Adjective')) return 'modifier';
  if (tags.has('PastTense') || tags.has('Participle')) return 'participle';
  const plural = /[^s]s$/.test(text);
  if (tags.has('PresentTense') && plural && !tags.has('Copula')) return 'plural-verb';
  return 'none';
}

/**
 * True when a single word the tagger called a noun or adjective, opening a phrase, is a verb:
 * a word the lexicon knows as a verb before an adjective ("conduct substantial evaluation"),
 * or in a verb slot ("to leverage recent advances", "we first conduct …").
 */
function isVerbInSlot(
  unit: WordUnit,
  prev: WordUnit | undefined,
  next: WordUnit | undefined,
  nextOwn: OwnRole,
): boolean {
  if (unit.parts.length > 1 || has(unit, 'Acronym') || has(unit, 'Plural')) return false;
  const beforeModifier =
    nextOwn === 'modifier' ||
    nextOwn === 'participle' ||
    (nextOwn === 'noun' && looksAdjectival(next));
  const known = lexiconTag(unit.lower);
  if (known !== undefined && VERB_TAGS.has(known) && beforeModifier) return true;
  const slot = prev ? prev.lower : '';
  if (!VERB_SLOT.has(slot)) return false;
  // "that" is a determiner as often as a relative pronoun: "that model selection".
  if (known !== undefined && slot !== 'that') return VERB_TAGS.has(known);
  return beforeModifier && known === undefined;
}

/** Out of context, more likely a verb than a noun or adjective ("employ", "leverages"). */
function looksVerbal(unit: WordUnit | undefined): boolean {
  if (!unit || unit.parts.length > 1 || pluralNoun(unit)) return false;
  const text = unit.lower;
  const known = lexiconTag(text);
  if (known !== undefined) return VERB_TAGS.has(known);
  return !ADJECTIVE_SUFFIX.test(text);
}

/** An "-ing" word opening a phrase that is a verb there ("using", not "missing" or "learning"). */
function isVerbalIng(unit: WordUnit, prev: WordUnit | undefined): boolean {
  const text = unit.lower;
  if (!/ing$/.test(text) || NOMINAL_GERUNDS.has(text) || ADJECTIVAL_ING.has(text)) return false;
  if (has(prev, 'Determiner') || has(prev, 'Possessive')) return false;
  const known = lexiconTag(text);
  return known === undefined || !(known === 'Singular' || known === 'Uncountable');
}

/** Not a noun out of context: an adjective the lexicon knows, or has an adjective's ending. */
function looksAdjectival(unit: WordUnit | undefined): boolean {
  if (!unit) return false;
  const known = lexiconTag(unit.lower);
  return known === undefined ? ADJECTIVE_SUFFIX.test(unit.lower) : known === 'Adjective';
}

/** A unit's neighbours in its sentence (none across punctuation) and what they are. */
interface Context {
  prev: WordUnit | undefined;
  next: WordUnit | undefined;
  /** Settled role of `prev` ('none' without one). */
  prevRole: Role;
  /** Own role of `next` ('none' without one). */
  nextOwn: OwnRole;
  /** `next` can continue a phrase. */
  nextIsPhrase: boolean;
  /** No `next`, or one that cannot continue a noun phrase (a preposition, a verb…). */
  nextIsBoundary: boolean;
  /** No `prev`, or a determiner or preposition: where a noun phrase may start. */
  afterOpener: boolean;
}

/** Turns a tag-based role into a phrase role, reading ambiguous tags from the context. */
function fromTag(role: OwnRole, unit: WordUnit, c: Context): Role {
  const nominal = NOMINAL_GERUNDS.has(unit.lower);
  switch (role) {
    case 'participle':
      return c.nextIsPhrase && c.afterOpener ? 'modifier' : 'none';
    case 'gerund': {
      // "a sliding window", "missing data": an -ing adjective before the words it modifies.
      if (ADJECTIVAL_ING.has(unit.lower) && c.nextIsPhrase) return 'modifier';
      const opened = has(c.prev, 'Determiner') || (c.nextIsBoundary && has(c.prev, 'Preposition'));
      // "steering vectors", but not "for modelling time-series data"
      const modifies =
        c.nextOwn === 'noun' && !looksAdjectival(c.next) && !has(c.prev, 'Preposition');
      return nominal && (c.prevRole !== 'none' || opened || modifies) ? 'noun' : 'none';
    }
    case 'plural-verb':
      return (c.prevRole !== 'none' || c.afterOpener) && c.nextIsBoundary ? 'noun' : 'none';
    case 'none': {
      // No imperatives in titles and abstracts: "State Space Models", "Test statistics".
      const noun = !c.prev && c.nextOwn === 'noun' && has(unit, 'Infinitive');
      return noun && !has(unit, 'Auxiliary') && !has(unit, 'Modal') ? 'modifier' : 'none';
    }
    default:
      return role;
  }
}

/** True when a word with a phrase role is, from its neighbours, a verb after all. */
function isVerbHere(unit: WordUnit, c: Context): boolean {
  // No noun phrase runs into "the" or "a": "agent employs the …", "…, reproduces the …".
  if (c.next && OPENERS.has(c.next.lower) && !has(unit, 'Acronym')) return true;
  if (c.prevRole === 'none') {
    const verbal = isVerbalIng(unit, c.prev) || isVerbInSlot(unit, c.prev, c.next, c.nextOwn);
    if (verbal && c.nextIsPhrase) return true; // "using sheaf theory"
  } else {
    if (pluralNoun(c.prev) && !NOMINAL_GERUNDS.has(unit.lower)) {
      return c.nextIsBoundary || looksVerbal(unit); // "methods focus on", "studies employ"
    }
  }
  return pluralNoun(unit) && c.nextIsPhrase && !looksVerbal(c.next); // "model encodes facts"
}

/** Settles the role of each unit of one sentence, from its tags and its neighbours. */
export function assignRoles(units: readonly WordUnit[]): Role[] {
  const own = units.map(ownRole);
  const roles: Role[] = [];
  units.forEach((unit, i) => {
    const prev = i > 0 && !separated(units[i - 1]!, unit) ? units[i - 1] : undefined;
    const next = i + 1 < units.length && !separated(unit, units[i + 1]!) ? units[i + 1] : undefined;
    const nextOwn: OwnRole = next ? own[i + 1]! : 'none';
    const nextNominal = nextOwn === 'gerund' && NOMINAL_GERUNDS.has(next!.lower);
    const context: Context = {
      prev,
      next,
      prevRole: prev ? roles[i - 1]! : 'none',
      nextOwn,
      nextIsPhrase: nextOwn === 'noun' || nextOwn === 'modifier' || nextNominal,
      nextIsBoundary: !next || hasAny(next, BOUNDARY_AFTER),
      afterOpener: !prev || has(prev, 'Determiner') || has(prev, 'Preposition'),
    };
    const role = fromTag(own[i]!, unit, context);
    roles.push(role !== 'none' && isVerbHere(unit, context) ? 'none' : role);
  });
  return roles;
}
