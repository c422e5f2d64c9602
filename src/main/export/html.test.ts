import { describe, expect, it } from 'vitest';
import { escapeHtml } from './html';

describe('escapeHtml', () => {
  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['" onmouseover="alert(1)', '&quot; onmouseover=&quot;alert(1)'],
    ["' onfocus='x", '&#39; onfocus=&#39;x'],
    ['&amp;', '&amp;amp;'],
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
  ])('turns %j into text', (hostile, escaped) => {
    expect(escapeHtml(hostile)).toBe(escaped);
  });

  it('leaves ordinary text, accents and emoji alone', () => {
    expect(escapeHtml('Müller & Søn 🚀')).toBe('Müller &amp; Søn 🚀');
    expect(escapeHtml('Acme Corp')).toBe('Acme Corp');
  });
});
