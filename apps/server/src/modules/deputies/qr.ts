import type { FastifyRequest } from 'fastify';
import QRCode from 'qrcode';

/** The address the caller reached the server at, for links printed in QR codes. */
export const requestOrigin = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

/** The public opinion page a QR code opens (served by the opinions module). */
export function opinionLink(origin: string, target: 'station' | 'deputy', publicCode: string): string {
  return `${origin}/m/opinion?${target}=${encodeURIComponent(publicCode)}`;
}

export function qrPng(link: string): Promise<Buffer> {
  return QRCode.toBuffer(link, { errorCorrectionLevel: 'M', margin: 2, width: 600 });
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A printable A4 poster (代表码 / 联络站码): a self-contained HTML page whose print stylesheet fills
 * one A4 sheet; the browser's "print" or "save as PDF" makes the paper copy.
 */
export async function posterHtml(p: { title: string; subtitle: string; lines: string[]; link: string }): Promise<string> {
  const dataUrl = await QRCode.toDataURL(p.link, { errorCorrectionLevel: 'M', margin: 1, width: 800 });
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(p.title)}</title>
<style>
@page { size: A4; margin: 0; }
* { box-sizing: border-box; }
body { margin: 0; font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif; color: #1f1f1f; }
main { width: 210mm; height: 297mm; padding: 22mm 18mm; display: flex; flex-direction: column; align-items: center; text-align: center;
  border-top: 14mm solid #b71c1c; }
h1 { font-size: 30pt; margin: 6mm 0 2mm; }
.sub { font-size: 16pt; color: #555; margin: 0 0 10mm; }
img { width: 120mm; height: 120mm; }
.call { font-size: 20pt; font-weight: bold; color: #b71c1c; margin: 8mm 0 6mm; }
.line { font-size: 13pt; margin: 1.5mm 0; }
footer { margin-top: auto; font-size: 11pt; color: #777; }
@media screen { body { background: #eee; } main { margin: 10mm auto; background: #fff; box-shadow: 0 0 4mm #aaa; } }
</style></head>
<body><main>
<h1>${escapeHtml(p.title)}</h1>
<p class="sub">${escapeHtml(p.subtitle)}</p>
<img src="${dataUrl}" alt="${escapeHtml(p.title)}二维码">
<p class="call">扫码反映意见建议（码上提）</p>
${p.lines.map((l) => `<p class="line">${escapeHtml(l)}</p>`).join('\n')}
<footer>人大履职服务平台 · 您的意见将登记受理并可凭查询码跟踪办理结果</footer>
</main></body></html>`;
}
