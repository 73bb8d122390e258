import * as vega from 'vega'; import * as vl from 'vega-lite';
const spec = JSON.parse(process.argv[2]);
const vg = vl.compile(spec).spec;
console.log(JSON.stringify({data: vg.data, scales: vg.scales, marks: vg.marks}, null, 1));
const view = new vega.View(vega.parse(vg),{renderer:'none'}); await view.runAsync();
function walk(m, d) { console.log(' '.repeat(d*2)+m.marktype, m.name, m.role, m.items.length, Object.keys(m).join(',')); for (const it of m.items) if (it.items) for (const c of it.items) walk(c, d+1); }
walk(view.scenegraph().root, 0);
for (const d of vg.data) console.log(d.name, JSON.stringify(view.data(d.name).slice(0,3)));
