/** docProps/app.xml (extended properties): the company and the sheet list Excel shows in File → Info. */

function xmlText(s: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must be removed
  return s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}

export function appPropertiesXml(opts: { company: string; sheets: string[] }): string {
  const titles = opts.sheets.map((s) => `<vt:lpstr>${xmlText(s)}</vt:lpstr>`).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    '<Application>SalesDesk</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>' +
    `<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${opts.sheets.length}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
    `<TitlesOfParts><vt:vector size="${opts.sheets.length}" baseType="lpstr">${titles}</vt:vector></TitlesOfParts>` +
    `<Company>${xmlText(opts.company)}</Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion>` +
    '</Properties>'
  );
}
