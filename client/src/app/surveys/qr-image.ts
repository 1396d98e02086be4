/**
 * The server's QR code (an SVG document) as a `data:` URL for an `<img>`: an image element never runs
 * scripts or loads anything the SVG might name, so nothing has to be trusted or sanitised by hand.
 */
export function svgDataUrl(svg: string): string {
  // UTF-8 bytes as a binary string (btoa takes Latin-1 only): percent-encode, then decode each %XX.
  const binary = encodeURIComponent(svg).replace(/%([0-9A-F]{2})/g, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}

/**
 * Puts `text` on the clipboard: the Clipboard API where the page may use it (HTTPS or localhost),
 * else the older copy command on a hidden text area placed in `container` (inside a dialog, so its
 * focus trap does not interfere). Resolves to whether it worked.
 */
export async function copyText(text: string, document: Document, container: HTMLElement = document.body): Promise<boolean> {
  const clipboard = document.defaultView?.navigator.clipboard;
  if (clipboard?.writeText) {
    try {
      await clipboard.writeText(text);
      return true;
    } catch {
      // permission refused: try the fallback below
    }
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  container.appendChild(area);
  area.select();
  try {
    return typeof document.execCommand === 'function' && document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}
