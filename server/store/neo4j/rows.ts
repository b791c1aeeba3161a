/**
 * Neo4j records to the graph model: a missing property (Cypher null) becomes an absent field,
 * as a SQL NULL does in the embedded store, and only the model's fields are kept. Integers
 * arrive as JS numbers: the driver is created with `disableLosslessIntegers` (neo4j-store.ts),
 * the one place they are converted; our counts stay far below 2^53.
 */
import type { Cluster } from '../graph-store.ts';
import type { Authorship, LinkStatus, Paper, Repository, RepositoryKind, Topic } from '../model.ts';

/** A node's properties as `n {.*}` returns them. */
export type Properties = Record<string, unknown>;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const texts = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
/** A number, 0 for anything else; -0 (which Neo4j keeps and SQLite does not) as 0. */
const num = (value: unknown): number => (typeof value === 'number' ? value + 0 : 0);

/** `{key: value}` when the value is there, `{}` when Neo4j returned null. */
function optional<K extends string, V>(key: K, value: V | null | undefined): { [P in K]?: V } {
  return (value === null || value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

export function paperFromProperties(p: Properties): Paper {
  return {
    id: text(p.id),
    title: text(p.title),
    abstract: text(p.abstract),
    ...optional('published', p.published as string | null),
    authors: texts(p.authors),
    ...optional('authorsCount', p.authorsCount as number | null),
    ...optional('upvotes', p.upvotes as number | null),
    ...optional('organization', p.organization as string | null),
    ...optional('arxivId', p.arxivId as string | null),
    ...optional('doi', p.doi as string | null),
    ...optional('url', p.url as string | null),
    ...optional('openalexId', p.openalexId as string | null),
    categories: texts(p.categories),
    references: texts(p.references),
    ...optional(
      'authorships',
      typeof p.authorships === 'string' ? (JSON.parse(p.authorships) as Authorship[]) : null,
    ),
    links: texts(p.links),
    sources: texts(p.sources),
  };
}

export function topicFromProperties(t: Properties): Topic {
  return {
    id: text(t.id),
    label: text(t.label),
    aliases: texts(t.aliases),
    df: num(t.df),
    cluster: num(t.cluster),
    x: num(t.x),
    y: num(t.y),
    ...optional('year', t.year as number | null),
    ...optional('codeShare', t.codeShare as number | null),
    ...optional('repositoryCount', t.repositories as number | null),
  };
}

export function clusterFromProperties(c: Properties): Cluster {
  return {
    id: num(c.id),
    label: text(c.label),
    topicCount: num(c.topics),
    paperCount: num(c.papers),
    ...optional('year', c.year as number | null),
    codeShare: num(c.codeShare),
    repositoryCount: num(c.repositories),
  };
}

export function repositoryFromProperties(r: Properties): Repository {
  return {
    id: text(r.id),
    url: text(r.url),
    host: text(r.host),
    owner: text(r.owner),
    name: text(r.name),
    kind: text(r.kind) as RepositoryKind,
  };
}

export function linkStatus(value: unknown): LinkStatus {
  return value === 'promised' ? 'promised' : 'released';
}

/** A paper summary's date: absent when the paper has none. */
export function summary<T extends { published?: unknown }>(
  row: T,
): Omit<T, 'published'> & { published?: string } {
  const { published, ...rest } = row;
  return typeof published === 'string' ? { ...rest, published } : rest;
}
