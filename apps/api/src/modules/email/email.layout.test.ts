import { describe, expect, it } from 'vitest';
import { type EmailContent, renderEmail } from './email.layout.ts';

const content: EmailContent = {
  agency: { name: 'Northwind <Social>', logoUrl: null },
  preview: 'Three ideas wait for you',
  heading: 'Three ideas wait for your review',
  blocks: [
    { kind: 'paragraph', text: 'Olivia sent them "today" & hopes you like them.' },
    {
      kind: 'items',
      items: [
        {
          title: 'Latte art <script>',
          detail: 'Instagram post',
          links: [{ label: 'Approve', url: 'https://muse.test/a?x=1&y=2' }],
        },
      ],
    },
    { kind: 'button', link: { label: 'Open the review', url: 'https://muse.test/portal' } },
  ],
  reason: 'You get this because Northwind Social sends you ideas to review.',
  unsubscribeUrl: 'https://muse.test/unsubscribe/abc',
};

describe('the mail layout', () => {
  it('when content holds markup, then the HTML shows it as text and never as markup', () => {
    const { html } = renderEmail(content);
    expect(html).toContain('Northwind &#60;Social&#62;');
    expect(html).toContain('Latte art &#60;script&#62;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('href="https://muse.test/a?x=1&#38;y=2"');
  });

  it('when rendered, then the text part carries the same content and every link in full', () => {
    const { text } = renderEmail(content);
    expect(text).toContain('Three ideas wait for your review');
    expect(text).toContain('- Latte art <script>\n  Instagram post\n  Approve: https://muse.test/a?x=1&y=2');
    expect(text).toContain('Open the review: https://muse.test/portal');
    expect(text).toContain('Unsubscribe: https://muse.test/unsubscribe/abc');
  });

  it("when the agency has a logo, then the message shows it under the agency's name", () => {
    const { html } = renderEmail({
      ...content,
      agency: { name: 'Northwind', logoUrl: 'https://cdn.test/logo.png' },
    });
    expect(html).toContain('<img src="https://cdn.test/logo.png" alt="Northwind"');
  });

  it('when a link is not http(s), then nothing is rendered', () => {
    expect(() =>
      renderEmail({
        ...content,
        blocks: [{ kind: 'button', link: { label: 'x', url: 'javascript:alert(1)' } }],
      }),
    ).toThrow(/http\(s\)/);
  });
});
