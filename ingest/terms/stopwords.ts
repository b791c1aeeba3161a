/**
 * Word lists that keep junk out of the key terms. Abstracts are written in a formulaic register
 * ("in this paper we propose a novel framework … extensive experiments show state-of-the-art
 * performance"), so the noun phrases a tagger finds include many that name no topic at all.
 * These lists are small and closed on purpose: they remove that register, not domain words.
 * All entries are lower-case; keys are compared after normalisation (singular head).
 */

/**
 * Generic academic nouns: they name the act of research, not what it is about. A key made only
 * of these words ("method", "experimental result", "benchmark dataset") is junk; combined with a
 * topical word ("causal model", "observational data") they are fine.
 */
export const GENERIC_WORDS: ReadonlySet<string> = new Set([
  ...['paper', 'work', 'study', 'article', 'research', 'researcher', 'author', 'literature'],
  ...['approach', 'method', 'methodology', 'technique', 'framework', 'model', 'system', 'tool'],
  ...['algorithm', 'procedure', 'pipeline', 'strategy', 'scheme', 'solution', 'design'],
  ...['result', 'finding', 'experiment', 'evaluation', 'analysis', 'evidence', 'observation'],
  ...['performance', 'accuracy', 'effectiveness', 'efficiency', 'improvement', 'gain', 'quality'],
  ...['task', 'problem', 'issue', 'challenge', 'question', 'goal', 'objective', 'need', 'lack'],
  ...['data', 'dataset', 'benchmark', 'baseline', 'sample', 'example', 'instance', 'case'],
  ...['state', 'art', 'field', 'area', 'domain', 'setting', 'scenario', 'context', 'application'],
  ...['way', 'use', 'usage', 'set', 'number', 'type', 'kind', 'form', 'level', 'part', 'aspect'],
  ...['variety', 'range', 'amount', 'degree', 'order', 'step', 'stage', 'process', 'term'],
  ...['ability', 'capability', 'property', 'feature', 'characteristic', 'advantage', 'benefit'],
  ...['advance', 'advancement', 'progress', 'development', 'contribution', 'limitation'],
  ...['idea', 'concept', 'notion', 'insight', 'understanding', 'fact', 'point', 'end'],
  ...['input', 'output', 'component', 'module', 'condition', 'assumption', 'requirement'],
  ...['implementation', 'code', 'version', 'variant', 'extension', 'line'],
  ...['time', 'year', 'day', 'world', 'real', 'impact', 'role', 'effect', 'importance'],
  ...['existence', 'presence', 'absence', 'manner', 'means', 'basis', 'direction', 'attempt'],
  ...['proposal', 'formulation', 'perspective', 'view', 'answer', 'purpose', 'practice'],
  ...['scale', 'size', 'practitioner', 'user', 'people', 'human', 'thing', 'lot'],
  ...['opportunity', 'promise', 'pitfall', 'frontier', 'review', 'survey', 'overview', 'guide'],
  ...['tutorial', 'introduction', 'lesson', 'consideration', 'direction', 'outlook', 'book'],
  ...['look', 'closer', 'light'],
  // Pointers into the paper itself: "see Section 2", "Eq. (9)", "Refs. [9,10]".
  ...['section', 'chapter', 'appendix', 'figure', 'fig', 'table', 'eq', 'equation', 'ref'],
  ...['specific', 'general', 'new', 'novel', 'key', 'main', 'major', 'first', 'second', 'total'],
  // Glue inside hyphenated compounds ("state-of-the-art"): generic by nature.
  ...['of', 'the', 'a', 'an', 'and', 'or', 'to', 'in', 'on', 'for', 'by', 'with'],
]);

/**
 * Modifiers that praise or place a phrase rather than narrow it ("novel", "existing",
 * "state-of-the-art"). Stripped from the front of a phrase: "a novel causal model" → "causal
 * model". Hyphenated entries are written with spaces, as in keys.
 */
export const LEADING_MODIFIERS: ReadonlySet<string> = new Set([
  ...['new', 'novel', 'proposed', 'existing', 'various', 'different', 'several', 'many', 'much'],
  ...['more', 'most', 'other', 'such', 'same', 'certain', 'specific', 'particular', 'prior'],
  ...['previous', 'recent', 'current', 'extensive', 'significant', 'remarkable', 'important'],
  ...['crucial', 'strong', 'challenging', 'well known', 'first', 'second', 'third', 'last'],
  ...['additional', 'further', 'simple', 'powerful', 'effective', 'good', 'great', 'whole'],
  ...['real world', 'state of the art', 'high quality', 'wide', 'widespread', 'diverse'],
  ...['key', 'main', 'major', 'overall', 'entire', 'single', 'multiple', 'numerous', 'few'],
  ...['typical', 'standard', 'traditional', 'conventional', 'classical', 'popular', 'common'],
  ...['promising', 'superior', 'comprehensive', 'rigorous', 'empirical', 'extra', 'underlying'],
  ...['respective', 'corresponding', 'resulting', 'given', 'related', 'relevant', 'possible'],
  ...['unique', 'useful', 'critical', 'fundamental', 'essential', 'notable', 'substantial'],
  ...['impressive', 'enormous', 'growing', 'emerging', 'increasing', 'excellent', 'broad'],
  ...['vast', 'huge', 'tremendous', 'considerable', 'competitive', 'outstanding', 'favorable'],
  ...['provided', 'obtained', 'considered', 'presented', 'described', 'introduced', 'studied'],
  ...['used', 'available', 'potential', 'actual', 'practical', 'clear', 'appropriate', 'suitable'],
  ...['called', 'so called', 'named', 'termed', 'dubbed', 'brief', 'short', 'systematic'],
  ...['large scale', 'small scale', 'real life', 'long term', 'short term', 'closer'],
  ...['above', 'below', 'aforementioned', 'abovementioned', 'latter', 'former'],
]);

/**
 * Gerunds that name a field or an operation ("causal representation learning", "image-text
 * matching"). Only these may end a phrase or follow a noun inside one; other -ing words there
 * are verbs ("models using causal inference").
 */
export const NOMINAL_GERUNDS: ReadonlySet<string> = new Set([
  ...['learning', 'matching', 'reasoning', 'training', 'modeling', 'modelling', 'planning'],
  ...['embedding', 'clustering', 'forecasting', 'sampling', 'pruning', 'editing', 'prompting'],
  ...['tuning', 'decoding', 'encoding', 'mapping', 'labeling', 'labelling', 'parsing'],
  ...['ranking', 'understanding', 'thinking', 'processing', 'computing', 'engineering'],
  ...['imaging', 'mining', 'filtering', 'smoothing', 'testing', 'scheduling', 'tracking'],
  ...['captioning', 'grounding', 'answering', 'pretraining', 'finetuning', 'programming'],
  ...['denoising', 'inpainting', 'retrieval', 'segmentation', 'matting', 'rendering'],
  ...['counting', 'hashing', 'indexing', 'profiling', 'steering', 'unlearning', 'fusing'],
]);

/**
 * "-ing" words that are adjectives at the start of a phrase ("missing data", "varying
 * coefficient model"). Any other -ing word opening a phrase is a verb ("using sheaf theory",
 * "Mitigating Reversal Curse"), unless a determiner precedes it or it names a field.
 */
export const ADJECTIVAL_ING: ReadonlySet<string> = new Set([
  ...['missing', 'existing', 'underlying', 'emerging', 'growing', 'leading', 'remaining'],
  ...['corresponding', 'resulting', 'increasing', 'decreasing', 'surprising', 'outstanding'],
  ...['promising', 'interesting', 'challenging', 'competing', 'varying', 'moving', 'sliding'],
  ...['rolling', 'spanning', 'neighboring', 'neighbouring', 'following', 'preceding', 'ongoing'],
  ...['evolving', 'interacting', 'confounding', 'mediating', 'contrasting', 'conflicting'],
]);

/**
 * Words that never sit inside a term: abbreviations of running text ("i.e.", "et al.") and
 * function words compromise sometimes tags as nouns or adjectives ("under", "via", "all",
 * "has" taken for a plural, "this" in "this rational parametrization").
 */
export const BREAK_WORDS: ReadonlySet<string> = new Set([
  ...['i.e.', 'e.g.', 'i.e', 'e.g', 'ie', 'eg', 'et', 'al', 'al.', 'etc', 'etc.', 'vs', 'vs.'],
  ...['cf', 'cf.', 'resp', 'resp.', 'viz', 'viz.', 'wrt'],
  ...['under', 'over', 'via', 'per', 'within', 'without', 'upon', 'toward', 'towards', 'across'],
  ...['among', 'between', 'through', 'versus', 'despite', 'against', 'beyond', 'during'],
  ...['both', 'either', 'neither', 'each', 'every', 'all', 'any', 'some', 'no', 'only', 'even'],
  ...['just', 'very', 'also', 'thus', 'hence', 'however', 'here', 'there', 'then', 'yet', 'not'],
  ...['still', 'often', 'always', 'never', 'usually', 'typically', 'well', 'rather', 'instead'],
  ...['wherein', 'whereby', 'thereby', 'therein', 'whereas', 'whether'],
  ...['is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'do', 'does'],
  ...['the', 'a', 'an', 'this', 'that', 'these', 'those', 'we', 'our', 'us', 'it', 'its'],
  ...['they', 'their', 'them', 'he', 'she', 'his', 'her', 'my', 'your', 'which', 'what'],
]);
