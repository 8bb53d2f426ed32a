/**
 * The one layout of every message Muse sends: the agency's name and logo on top (its clients see
 * the agency, not Muse), a heading, blocks of content, and a footer that says why the message
 * came and how to stop it. Rendered twice, as HTML with inline styles (mail clients ignore
 * stylesheets) and as plain text, from the same content.
 */

export interface EmailLink {
  label: string;
  url: string;
}

export type EmailBlock =
  | { kind: 'paragraph'; text: string }
  /** A list of things (ideas, answers), each with an optional detail line and its own links. */
  | { kind: 'items'; items: { title: string; detail?: string; links?: EmailLink[] }[] }
  | { kind: 'button'; link: EmailLink };

export interface EmailContent {
  agency: { name: string; logoUrl: string | null };
  /** The line mail clients show beside the subject. */
  preview: string;
  heading: string;
  blocks: EmailBlock[];
  /** Why the recipient gets this message, for the footer. */
  reason: string;
  /** Where the recipient stops messages of this kind; also the List-Unsubscribe page. */
  unsubscribeUrl?: string;
}

export interface RenderedEmail {
  html: string;
  text: string;
}

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/** Only http(s) links are written into a message: anything else is a mistake or an attack. */
function safeUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new Error(`a message links only to http(s) addresses, not ${parsed.protocol}`);
  }
  return parsed.href;
}

const FONT = "font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";
const BUTTON =
  'display:inline-block;background:#0f172a;color:#ffffff;text-decoration:none;font-weight:600;padding:10px 18px;border-radius:8px;font-size:14px';
const SMALL_LINK = 'color:#0f172a;font-weight:600;font-size:13px;text-decoration:underline;margin-right:14px';

function htmlLink(link: EmailLink, style: string): string {
  return `<a href="${escapeHtml(safeUrl(link.url))}" style="${style}">${escapeHtml(link.label)}</a>`;
}

function htmlBlock(block: EmailBlock): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p style="margin:0 0 16px;font-size:15px;line-height:1.5;color:#334155">${escapeHtml(block.text)}</p>`;
    case 'button':
      return `<p style="margin:8px 0 20px">${htmlLink(block.link, BUTTON)}</p>`;
    case 'items':
      return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="margin:0 0 16px;border-collapse:collapse">${block.items
        .map(
          (item) =>
            `<tr><td style="padding:12px 0;border-top:1px solid #e2e8f0"><p style="margin:0;font-size:15px;font-weight:600;color:#0f172a">${escapeHtml(item.title)}</p>${
              item.detail
                ? `<p style="margin:4px 0 0;font-size:14px;line-height:1.45;color:#475569">${escapeHtml(item.detail)}</p>`
                : ''
            }${
              item.links?.length
                ? `<p style="margin:8px 0 0">${item.links.map((link) => htmlLink(link, SMALL_LINK)).join('')}</p>`
                : ''
            }</td></tr>`,
        )
        .join('')}</table>`;
  }
}

function textBlock(block: EmailBlock): string {
  switch (block.kind) {
    case 'paragraph':
      return block.text;
    case 'button':
      return `${block.link.label}: ${safeUrl(block.link.url)}`;
    case 'items':
      return block.items
        .map((item) =>
          [
            `- ${item.title}`,
            ...(item.detail ? [`  ${item.detail}`] : []),
            ...(item.links ?? []).map((link) => `  ${link.label}: ${safeUrl(link.url)}`),
          ].join('\n'),
        )
        .join('\n');
  }
}

export function renderEmail(content: EmailContent): RenderedEmail {
  const { agency } = content;
  const brand = agency.logoUrl
    ? `<img src="${escapeHtml(safeUrl(agency.logoUrl))}" alt="${escapeHtml(agency.name)}" height="32" style="height:32px;max-width:200px;border:0">`
    : `<span style="font-size:18px;font-weight:700;color:#0f172a">${escapeHtml(agency.name)}</span>`;
  const unsubscribe = content.unsubscribeUrl
    ? ` <a href="${escapeHtml(safeUrl(content.unsubscribeUrl))}" style="color:#64748b">Unsubscribe</a>`
    : '';
  const html = `<!doctype html>
<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(content.heading)}</title></head>
<body style="margin:0;padding:0;background:#f1f5f9;${FONT}">
<div style="display:none;max-height:0;overflow:hidden">${escapeHtml(content.preview)}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f1f5f9"><tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border-radius:12px"><tr><td style="padding:28px 28px 8px">
<p style="margin:0 0 24px">${brand}</p>
<h1 style="margin:0 0 16px;font-size:20px;line-height:1.3;color:#0f172a">${escapeHtml(content.heading)}</h1>
${content.blocks.map(htmlBlock).join('\n')}
</td></tr></table>
<p style="max-width:560px;margin:16px auto 0;font-size:12px;line-height:1.5;color:#64748b">${escapeHtml(content.reason)}${unsubscribe}</p>
</td></tr></table>
</body></html>`;
  const text = [
    agency.name,
    '',
    content.heading,
    '',
    ...content.blocks.flatMap((block) => [textBlock(block), '']),
    '--',
    content.reason,
    ...(content.unsubscribeUrl ? [`Unsubscribe: ${safeUrl(content.unsubscribeUrl)}`] : []),
  ].join('\n');
  return { html, text };
}
