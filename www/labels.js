// Dutch labels for the module's values, shared by the pages.

// The labels come from the module (`vocabulary()`), so the front end declares none of them; the
// app calls useVocabulary once after init().
let labels = { kinds: {}, positions: {}, agreements: {}, strengths: {}, directions: {}, edges: {} };
/** The vocabularies as the module gives them, for menus (kinds, actors, steps, documents). */
export let vocabulary = null;

/** Takes the module's vocabularies (the answer of `vocabulary()`). */
export function useVocabulary(answer) {
  vocabulary = answer;
  const byId = (terms) => Object.fromEntries(terms.map((t) => [t.id, t.label]));
  labels = {
    kinds: byId(answer.kinds),
    positions: byId(answer.positions),
    agreements: byId(answer.agreements),
    strengths: byId(answer.strengths),
    directions: byId(answer.directions),
    edges: Object.fromEntries(answer.edges.map((e) => [e.id, [e.outgoing, e.incoming]])),
  };
}

export function kindLabel(kind) {
  return labels.kinds[kind] ?? kind;
}

export function edgeLabel(edge, outgoing) {
  const [out, incoming] = labels.edges[edge] ?? [edge, edge];
  return outgoing ? out : incoming;
}

/** "WOREL §4 aanbeveling 6, p. 29", or nothing for a comparison topic. */
export function citationText(source) {
  return source ? `Bron: ${source.citation}` : '';
}

/**
 * The badges of a hit or node: strength with its direction in words, never colour alone.
 * Each badge has a text and a tone class (for colour).
 */
export function badges(item) {
  const list = [];
  if (item.strength) {
    const strength = labels.strengths[item.strength] ?? item.strength;
    // A good-practice point reads as itself; a GRADE code says strong or weak, for or against.
    const words = item.strength === 'GPP' ? strength : `${strength} ${labels.directions[item.direction ?? 'for']}`;
    // A drug graded by its class's recommendation says so ("2C · zwak tegen, via opioïden").
    const via = item.gradedBy ? `, via ${inSentence(item.gradedBy.title.split(':')[0])}` : '';
    list.push({ text: `${item.strength} · ${words}${via}`, tone: item.direction === 'against' ? 'against' : 'for' });
  }
  if (item.force) list.push({ text: item.force, tone: 'neutral' });
  if (item.position)
    list.push({
      text: labels.positions[item.position] ?? item.position,
      tone: item.position === 'preferably-not' || item.position === 'no-place' ? 'against' : 'neutral',
    });
  return list;
}

/** A name as it reads inside a sentence: "Opioïden" → "opioïden", but "NSAID's" stays. */
function inSentence(name) {
  return /^\p{Lu}\p{Ll}/u.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name;
}

/** The agreement of one document with the others on a topic, in words. */
export function agreementLabel(agreement) {
  return labels.agreements[agreement] ?? agreement;
}

/** The guidance's position on a drug, in Dutch words. */
export function positionLabel(position) {
  return labels.positions[position] ?? position ?? 'geen standpunt';
}

/** "2B · zwak voor", "GPP · goede praktijk", or null when ungraded. */
export function strengthText(item) {
  if (!item.strength) return null;
  return badges({ strength: item.strength, direction: item.direction })[0]?.text ?? null;
}
