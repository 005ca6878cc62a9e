import { district, workbookOf, snapshotOfBytes } from '../fixtures/workbooks';
it('profile', async () => {
  for (const variant of ['full', 'noValidation', 'full', 'noValidation']) {
    let tw = 0, tr = 0;
    for (let i = 0; i < 5; i++) {
      const wb = workbookOf(district());
      if (variant === 'noValidation') {
        for (const name of ['学校明细', '问题整改']) {
          const ws = wb.getWorksheet(name)!;
          for (let r = 13; r <= 500; r++) ws.getRow(r).eachCell({ includeEmpty: true }, (c) => { c.dataValidation = undefined as never; c.style = {}; });
          (ws as any).dataValidations.model = Object.fromEntries(Object.entries((ws as any).dataValidations.model).filter(([k]) => Number(k.replace(/[A-Z]+/, '')) < 13));
        }
      }
      let t = Date.now();
      const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
      tw += Date.now() - t; t = Date.now();
      await snapshotOfBytes(bytes);
      tr += Date.now() - t;
    }
    console.log(variant, tw / 5, tr / 5);
  }
});
