const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Text made safe to place in HTML, as element content or inside a quoted attribute. Every piece of project data
 * (names, ids, channel labels) goes through here before it reaches a report: a name like `<script>` must read as
 * text, never run or restyle the page.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] as string);
}
