// Files a candidate uploads: a small but well-formed PDF, and a text file that only pretends to
// be one (the server checks the type from the bytes, not the name).

/** One empty page with correct xref offsets; `marker` goes into the document title. */
function minimalPdf(marker) {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
    `<< /Title (${marker}) >>`,
  ];
  let out = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 4 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const cv = (name) => ({ name: 'cv.pdf', mimeType: 'application/pdf', buffer: minimalPdf(`CV of ${name}`) });

/** Plain text under a .pdf name: what a careless upload (or a disguised file) looks like. */
const notReallyPdf = () => ({
  name: 'cv.pdf',
  mimeType: 'application/pdf',
  buffer: Buffer.from('This is a plain text file with a .pdf name.\n'),
});

module.exports = { cv, notReallyPdf };
