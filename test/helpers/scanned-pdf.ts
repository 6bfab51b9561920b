import { createCanvas, loadImage } from '@napi-rs/canvas';
import { renderPageAsImage } from 'unpdf';
import { pdfFile, pdfStream } from './pdf-file';

/**
 * A page of a real PDF as a scanner would give it back: rendered to pixels, saved as a JPEG, and
 * put alone on the page of a new PDF, with no text layer. Also returns the JPEG (a photographed page).
 */
export async function scannedPage(source: Buffer, page: number): Promise<{ pdf: Buffer; jpeg: Buffer }> {
  const png = await renderPageAsImage(new Uint8Array(source), page, {
    canvasImport: () => import('@napi-rs/canvas'),
    scale: 2,
  });
  const image = await loadImage(Buffer.from(png));
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, image.width, image.height);
  context.drawImage(image, 0, 0);
  const jpeg = await canvas.encode('jpeg', 85);
  const pdf = pdfFile([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /XObject << /Im0 5 0 R >> >> >>',
    pdfStream('', Buffer.from('q 612 0 0 792 0 0 cm /Im0 Do Q')),
    pdfStream(
      `/Type /XObject /Subtype /Image /Width ${image.width} /Height ${image.height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode`,
      jpeg,
    ),
  ]);
  return { pdf, jpeg };
}

/** A picture with no text in it: a sky from blue to orange. */
export async function gradientPng(): Promise<Buffer> {
  const canvas = createCanvas(640, 480);
  const context = canvas.getContext('2d');
  const gradient = context.createLinearGradient(0, 0, 0, 480);
  gradient.addColorStop(0, '#1e3a8a');
  gradient.addColorStop(1, '#f97316');
  context.fillStyle = gradient;
  context.fillRect(0, 0, 640, 480);
  return canvas.encode('png');
}
