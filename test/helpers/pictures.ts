import { createCanvas } from '@napi-rs/canvas';

/** A seeded random number generator (mulberry32): the same pictures on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A screenshot-like picture of a few lines of prose at `size` pixels. */
export async function textPicture(size: number): Promise<Buffer> {
  const lines = [
    'The quarterly report shows revenue growth of twelve percent.',
    'Shipping costs fell after the new warehouse opened in March.',
    'Please review the attached contract before Friday.',
  ];
  const canvas = createCanvas(Math.ceil(size * 34), Math.ceil(size * 2 * (lines.length + 1)));
  const context = canvas.getContext('2d');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.fillStyle = '#111';
  context.font = `${size}px sans-serif`;
  lines.forEach((line, i) => context.fillText(line, size, size * 2 * (i + 1)));
  return canvas.encode('png');
}

/**
 * Pictures with no text that still make tesseract guess ("yA Ga RN"): noise, foliage-like strokes,
 * a tiled floor, stray letters, a scribble and a face-like drawing, each 640×480.
 */
export async function noisePictures(): Promise<Array<{ name: string; image: Buffer }>> {
  const make = async (
    name: string,
    draw: (context: ReturnType<ReturnType<typeof createCanvas>['getContext']>, next: () => number) => void,
    seed: number,
  ) => {
    const canvas = createCanvas(640, 480);
    const context = canvas.getContext('2d');
    context.fillStyle = '#fff';
    context.fillRect(0, 0, 640, 480);
    draw(context, random(seed));
    return { name, image: await canvas.encode('jpeg', 85) };
  };
  return [
    await make(
      'noise',
      (context, next) => {
        for (let i = 0; i < 20_000; i++) {
          context.fillStyle = `rgb(${(next() * 255) | 0},${(next() * 255) | 0},${(next() * 255) | 0})`;
          context.fillRect((next() * 640) | 0, (next() * 480) | 0, 3, 3);
        }
      },
      1,
    ),
    await make(
      'foliage',
      (context, next) => {
        for (let i = 0; i < 600; i++) {
          context.strokeStyle = `rgb(${(next() * 60) | 0},${(80 + next() * 120) | 0},${(next() * 60) | 0})`;
          context.lineWidth = 1 + next() * 3;
          context.beginPath();
          const x = next() * 640;
          const y = next() * 480;
          context.moveTo(x, y);
          context.quadraticCurveTo(x + next() * 40 - 20, y + next() * 40 - 20, x + next() * 30 - 15, y + next() * 30);
          context.stroke();
        }
      },
      2,
    ),
    await make(
      'tiles',
      (context, next) => {
        for (let x = 0; x < 640; x += 32)
          for (let y = 0; y < 480; y += 32) {
            context.fillStyle = (x + y) % 64 ? '#333' : '#ddd';
            context.fillRect(x + next() * 2, y + next() * 2, 30, 30);
          }
      },
      3,
    ),
    await make(
      'face',
      (context) => {
        context.lineWidth = 6;
        context.strokeStyle = '#222';
        context.beginPath();
        context.arc(320, 240, 160, 0, Math.PI * 2);
        context.moveTo(270, 200);
        context.arc(260, 200, 10, 0, Math.PI * 2);
        context.moveTo(390, 200);
        context.arc(380, 200, 10, 0, Math.PI * 2);
        context.moveTo(240, 300);
        context.quadraticCurveTo(320, 360, 400, 300);
        context.stroke();
      },
      4,
    ),
    // A few letters on a sign or a T-shirt in a photo: tesseract is sure of them (mean 88), and
    // they are no text to index.
    await make(
      'stray-letters',
      (context) => {
        context.fillStyle = '#222';
        context.font = 'bold 90px serif';
        context.fillText('yA', 120, 200);
        context.font = '60px sans-serif';
        context.fillText('RN', 380, 360);
      },
      5,
    ),
    await make(
      'scribble',
      (context) => {
        context.strokeStyle = '#111';
        context.lineWidth = 4;
        for (let i = 0; i < 12; i++) {
          const x = 60 + i * 45;
          context.beginPath();
          context.moveTo(x, 240);
          context.bezierCurveTo(x + 10, 200, x + 30, 280, x + 40, 230);
          context.stroke();
        }
      },
      6,
    ),
  ];
}
