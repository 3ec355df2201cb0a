import { PNG } from 'pngjs';

/** A real PNG of the given size in one colour, so checks by content (type, dimensions) accept it. */
export function samplePng(width = 1, height = 1, rgb: [number, number, number] = [0, 128, 96]): Buffer {
  const png = new PNG({ width, height });
  for (let i = 0; i < width * height; i++) png.data.set([...rgb, 255], i * 4);
  return PNG.sync.write(png);
}
