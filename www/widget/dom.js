/*
 * Small DOM helpers shared by the widget's modules: el(), the accessible data table (for the
 * live charts and the static fallback alike), and NI, the page's window.NewsInfographic object
 * that embed.js set up (baseUrl, timeoutMs, ...).
 */

/** The API object embed.js defined before importing any of these modules. */
export const NI = window.NewsInfographic;

/** A new element with an optional class name and text. */
export function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text != null) e.textContent = text;
  return e;
}

/** A <table> (with its note after it, if any) from the core's { caption, columns, rows, note }. */
export function dataTable(t) {
  const table = el("table", "ni-table");
  if (t.note) {
    const frag = document.createDocumentFragment();
    frag.append(table, el("p", "ni-table-note", t.note));
    fillTable(table, t);
    return frag;
  }
  fillTable(table, t);
  return table;
}

function fillTable(table, t) {
  table.append(el("caption", null, t.caption));
  const thead = el("thead");
  const hr = el("tr");
  t.columns.forEach((c) => {
    const th = el("th", null, c);
    th.scope = "col";
    hr.append(th);
  });
  thead.append(hr);
  const tbody = el("tbody");
  t.rows.forEach((row) => {
    const tr = el("tr");
    row.forEach((cell, k) => {
      const c = el(k === 0 ? "th" : "td", null, cell);
      if (k === 0) c.scope = "row";
      tr.append(c);
    });
    tbody.append(tr);
  });
  table.append(thead, tbody);
}
