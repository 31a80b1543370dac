import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { pdfBuffer } from '../../../platform/http/download.ts';

dayjs.extend(utc);

export const longDate = (d: Date) => dayjs.utc(d).format('D MMMM YYYY');

export { pdfBuffer };

export type CertificatePdf = {
  personName: string;
  title: string;
  orgName: string;
  issuedAt: Date;
  expiresAt: Date | null;
  verifyUrl: string;
  code: string;
};

/** A one-page landscape certificate with a QR code pointing at the public verification page. */
export async function certificatePdf(c: CertificatePdf): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 56, info: { Title: `Certificate: ${c.title}`, Author: c.orgName } });
  const { width, height } = doc.page;
  doc.rect(28, 28, width - 56, height - 56).lineWidth(2).stroke('#2f6f5e');
  doc.moveDown(2);
  doc.font('Helvetica').fontSize(14).fillColor('#555').text(c.orgName, { align: 'center' });
  doc.moveDown(1);
  doc.font('Helvetica-Bold').fontSize(32).fillColor('#1d3b33').text('Certificate of completion', { align: 'center' });
  doc.moveDown(1.2);
  doc.font('Helvetica').fontSize(14).fillColor('#333').text('This certifies that', { align: 'center' });
  doc.moveDown(0.4);
  doc.font('Helvetica-Bold').fontSize(26).fillColor('#000').text(c.personName, { align: 'center' });
  doc.moveDown(0.4);
  doc.font('Helvetica').fontSize(14).fillColor('#333').text('has completed', { align: 'center' });
  doc.moveDown(0.4);
  doc.font('Helvetica-Bold').fontSize(20).fillColor('#000').text(c.title, { align: 'center' });
  doc.moveDown(1);
  doc.font('Helvetica').fontSize(12).fillColor('#333');
  doc.text(`Issued ${longDate(c.issuedAt)}${c.expiresAt ? ` · valid until ${longDate(c.expiresAt)}` : ''}`, { align: 'center' });

  const qr = await QRCode.toBuffer(c.verifyUrl, { margin: 1, width: 220 });
  const size = 96;
  doc.image(qr, width - 56 - size - 16, height - 56 - size - 16, { width: size, height: size });
  doc.fontSize(9).fillColor('#555').text(`Verify at ${c.verifyUrl}`, 72, height - 96, { width: width - 300 });
  doc.text(`Code ${c.code}`, 72, height - 82, { width: width - 300 });
  return pdfBuffer(doc);
}
