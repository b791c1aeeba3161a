/**
 * Recognises code and data repositories among URLs and gives each one canonical id, so that
 * `https://github.com/Py-Why/DoWhy.git`, `github.com/py-why/dowhy/` and
 * `http://www.github.com/py-why/dowhy/tree/main` are the same node `github.com/py-why/dowhy`.
 */
import type { Repository, RepositoryKind } from '../../server/store/model.ts';

const CODE_HOSTS = new Set(['github.com', 'gitlab.com', 'bitbucket.org', 'codeberg.org']);
const HUGGING_FACE = 'huggingface.co';
/** Hugging Face paths that are not repositories of a user or organisation. */
const HUGGING_FACE_RESERVED = new Set(['papers', 'docs', 'blog', 'learn', 'collections', 'login']);
/** GitHub paths that look like `owner/name` but are not repositories. */
const CODE_HOST_RESERVED = new Set(['orgs', 'topics', 'sponsors', 'features', 'marketplace']);

function clean(segment: string): string {
  return decodeURIComponent(segment)
    .replace(/\.git$/i, '')
    .replace(/[.,;:!?)]+$/, '');
}

/** The repository a URL points into, or undefined when it is not a repository URL. */
export function toRepository(value: string): Repository | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const segments = url.pathname.split('/').filter(Boolean).map(clean).filter(Boolean);

  let kind: RepositoryKind;
  let prefix = '';
  if (CODE_HOSTS.has(host)) {
    kind = 'code';
    if (CODE_HOST_RESERVED.has(segments[0]?.toLowerCase() ?? '')) return undefined;
  } else if (host === HUGGING_FACE) {
    const first = segments[0]?.toLowerCase();
    if (first === 'datasets' || first === 'spaces') {
      kind = first === 'datasets' ? 'dataset' : 'demo';
      prefix = `${first}/`;
      segments.shift();
    } else if (first === undefined || HUGGING_FACE_RESERVED.has(first)) {
      return undefined;
    } else {
      kind = 'model';
    }
  } else {
    return undefined;
  }

  const [owner, name] = segments;
  if (!owner || !name) return undefined;
  const canonicalHost = prefix ? `${host}/${prefix.slice(0, -1)}` : host;
  return {
    id: `${canonicalHost}/${owner}/${name}`.toLowerCase(),
    url: `https://${host}/${prefix}${owner}/${name}`,
    host,
    owner,
    name,
    kind,
  };
}
