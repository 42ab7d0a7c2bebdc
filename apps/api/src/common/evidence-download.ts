import type { Response } from 'express';
import { downloadFileName, servedContentType } from '@safety/domain/evidence/evidence-policy';
import { DOWNLOAD_CSP } from '../http/security-headers';

export interface StoredAttachment {
  id: string;
  kind: 'FILE' | 'NOTE';
  fileName: string | null;
  contentType: string | null;
  sha256: string;
  content: Buffer;
}

/**
 * Serves stored evidence: always as a download (`Content-Disposition: attachment`, the name encoded per
 * RFC 6266/5987), with an accepted type or application/octet-stream, never sniffed, and sandboxed by
 * its own CSP, so no evidence is ever rendered on the API's origin.
 */
export function sendAttachment(res: Response, attachment: StoredAttachment): void {
  const type = servedContentType(attachment.contentType, attachment.kind);
  res.attachment(downloadFileName(attachment, type));
  res.setHeader('content-type', type);
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('content-security-policy', DOWNLOAD_CSP);
  res.setHeader('x-content-sha256', attachment.sha256);
  res.send(attachment.content);
}
