import { renderSVG } from 'uqr';

/**
 * The QR code of a location's check-in link, as an SVG image (uqr: small, no dependencies, no
 * network). Error correction M: a poster gets creased and smudged at the entrance.
 */
export function checkinQrSvg(url: string): string {
  return renderSVG(url, { ecc: 'M', border: 2 });
}
