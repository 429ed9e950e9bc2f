import { z } from 'zod';
import { requesterPersonId } from './auth.js';
import { createDownloadToken, DOWNLOAD_TOKEN_PATTERN, peekDownloadToken, spendDownloadToken } from './downloads.js';
import { filterSchema } from './filter.js';
import { overviewFileNames, overviewXlsx } from './overview.js';
import { badRequest, json, sendXlsx } from './responses.js';
import type { RouteRequest, ViewerRequest } from './routes.js';
import { pageAddress } from './address.js';
import { viewerByPersonId } from './viewer.js';

const tokenQuerySchema = z.strictObject({ token: z.string().regex(DOWNLOAD_TOKEN_PATTERN) });

/**
 * POST /api/overview.xlsx/link: a one-off https address of the xlsx the viewer sees (with the same
 * filter), for Telegram.WebApp.downloadFile; built from WEB_APP_URL, as Telegram must reach it.
 */
export async function downloadLink({ deps, res, params, viewer, now }: ViewerRequest): Promise<void> {
  const filter = filterSchema.safeParse(params);
  if (!filter.success) return badRequest(res, 'expected tag and q of 1-64 characters, or none');
  const webAppUrl = deps.config.web.appUrl;
  if (!webAppUrl) return json(res, 503, { error: 'no_web_app_url', detail: 'WEB_APP_URL is not set: there is no public address to download from' });
  const { token, expiresAt } = await createDownloadToken(deps.db, { personId: viewer.personId, filter: filter.data, language: viewer.language }, now);
  json(res, 200, {
    url: pageAddress(webAppUrl, `api/download?token=${token}`),
    fileName: overviewFileNames(viewer, now, deps.config.timeZone).fileName,
    expiresAt: expiresAt.toISOString(),
  });
}

const refusals = {
  unknown: [401, 'download_link_invalid', 'This download link is not valid. Press the download button in the dashboard again.'],
  used: [410, 'download_link_used', 'This download link has already been used; each works once. Press the download button again.'],
  expired: [410, 'download_link_expired', 'This download link has expired (they last 5 minutes). Press the download button again.'],
  other: [403, 'not_your_download', 'This download link was made for someone else.'],
} as const;

function refuse(res: RouteRequest['res'], why: keyof typeof refusals): void {
  const [status, error, detail] = refusals[why];
  json(res, status, { error, detail });
}

/**
 * GET /api/download?token=…: the file, once. The Telegram client fetches it without the page's
 * credentials; a request that does carry credentials must be the token's owner's. A HEAD answers the
 * headers without spending the token.
 */
export async function downloadByToken({ deps, req, res, query, now }: RouteRequest): Promise<void> {
  const parsed = tokenQuerySchema.safeParse(Object.fromEntries(query));
  if (!parsed.success || query.size !== 1) return badRequest(res, 'expected token=<the token of a download link>');
  const token = parsed.data.token;
  const found = await peekDownloadToken(deps.db, token, now);
  if (!found.ok) return refuse(res, found.reason);
  const owner = found.request.personId;
  const requester = await requesterPersonId(deps, req);
  if (requester !== 'anonymous' && requester !== owner) return refuse(res, 'other');
  // the owner may have lost the role since the link was made
  const viewer = await viewerByPersonId(deps.db, owner);
  if (!viewer.ok) return json(res, 403, { error: 'not_for_you' });
  const asked = { ...viewer.viewer, language: found.request.language };
  // Telegram Web may fetch the file from its own origin; the token is the credential, not a cookie
  const cors = { 'access-control-allow-origin': 'https://web.telegram.org' };
  if (req.method === 'HEAD') return sendXlsx(res, { body: null, ...overviewFileNames(asked, now, deps.config.timeZone) }, cors);
  if (!(await spendDownloadToken(deps.db, token, now))) return refuse(res, 'used');
  sendXlsx(res, await overviewXlsx(deps.db, asked, found.request.filter, now, deps.config.timeZone), cors);
}
