// Dutch labels for the module's values: one place, shared by the pages and the components.

const KINDS = {
  recommendation: 'Aanbeveling',
  checklist: 'Checklist',
  medication: 'Medicatie',
  referral: 'Verwijzing',
  step: 'Stap',
  concept: 'Begrip',
  role: 'Rol',
  'red-flag': 'Rode vlaggen',
  'risk-factor': 'Risicofactoren',
  instrument: 'Meetinstrument',
  section: 'Achtergrond',
  topic: 'Vergelijking',
};

const POSITIONS = {
  recommended: 'aanbevolen',
  consider: 'overwegen',
  'preferably-not': 'bij voorkeur niet',
  'no-recommendation': 'geen aanbeveling',
  'no-place': 'geen plaats',
  'not-discussed': 'niet besproken',
};

const EDGES = {
  refines: ['Onderdeel van', 'Uitgewerkt in'],
  'derived-from': ['Afgeleid van', 'Hierop gebaseerd'],
  cites: ['Steunt op', 'Aangehaald door'],
  about: ['Gaat over', 'Besproken in'],
  'escalates-to': ['Leidt naar', 'Komt van'],
  'same-topic': ['Zelfde onderwerp, ander document', 'Zelfde onderwerp, ander document'],
  'differs-from': ['Ander standpunt elders', 'Ander standpunt elders'],
  'see-also': ['Zie ook', 'Verwijst hiernaar'],
};

export function kindLabel(kind) {
  return KINDS[kind] ?? kind;
}

export function edgeLabel(edge, outgoing) {
  const [out, incoming] = EDGES[edge] ?? [edge, edge];
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
    if (item.strength === 'GPP') {
      list.push({ text: 'GPP · goede praktijk', tone: item.direction === 'against' ? 'against' : 'for' });
    } else {
      const force = item.strength.startsWith('1') ? 'sterk' : 'zwak';
      const direction = item.direction === 'against' ? 'tegen' : 'voor';
      list.push({ text: `${item.strength} · ${force} ${direction}`, tone: item.direction === 'against' ? 'against' : 'for' });
    }
  }
  if (item.force) list.push({ text: item.force, tone: 'neutral' });
  if (item.position) list.push({ text: POSITIONS[item.position] ?? item.position, tone: item.position === 'preferably-not' || item.position === 'no-place' ? 'against' : 'neutral' });
  return list;
}
