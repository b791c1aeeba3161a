/**
 * A link to somewhere outside Topograph, drawn from untrusted paper data: an anchor opening
 * in a new tab (without giving that tab a handle on this one) when the URL is absolute
 * http(s); the same text, unclickable, otherwise.
 */
import type { ReactNode } from 'react';
import { safeHttpUrl } from '../../core/links/safe-url.ts';

interface ExternalLinkProps {
  url: string;
  children?: ReactNode;
  className?: string;
}

export function ExternalLink({ url, children, className }: ExternalLinkProps) {
  const safe = safeHttpUrl(url);
  if (safe === null) {
    return (
      <span className={`unsafe-link ${className ?? ''}`} title="Not an http(s) link">
        {children ?? url}
      </span>
    );
  }
  return (
    <a className={className} href={safe} target="_blank" rel="noopener noreferrer">
      {children ?? url}
    </a>
  );
}
