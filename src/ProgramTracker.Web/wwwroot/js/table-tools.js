// Sorting and filtering a long table in the browser (issue 23): a province's dashboard lists 54 to 168 communes.
// A table opts in with data-table-tools and carries its texts in data attributes; rows carry data-name and data-band,
// cells data-sort. Plain DOM, no library; without script the table is simply complete.
(() => {
    'use strict';
    const fold = s => (s || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'd').toLowerCase().trim();

    document.querySelectorAll('table[data-table-tools]').forEach(table => {
        const body = table.tBodies[0];
        if (!body) {
            return;
        }

        const rows = Array.from(body.rows).filter(r => r.dataset.name !== undefined);
        if (rows.length < 2) {
            return;
        }

        const d = table.dataset;
        const bar = document.createElement('div');
        bar.className = 'table-tools d-flex flex-wrap align-items-end gap-2 mb-2 no-print';

        const field = (labelText, control) => {
            const wrap = document.createElement('div');
            const label = document.createElement('label');
            label.className = 'form-label mb-0 small d-block';
            label.htmlFor = control.id;
            label.textContent = labelText;
            wrap.append(label, control);
            return wrap;
        };

        const search = document.createElement('input');
        search.type = 'search';
        search.id = table.id + '-filter';
        search.className = 'form-control form-control-sm';
        search.autocomplete = 'off';
        bar.append(field(d.filterLabel, search));

        const band = document.createElement('select');
        band.id = table.id + '-band';
        band.className = 'form-select form-select-sm';
        const bands = JSON.parse(d.bands || '[]');
        [['', d.allBands]].concat(bands).forEach(([value, text]) => {
            const option = document.createElement('option');
            option.value = value;
            option.textContent = text;
            band.append(option);
        });
        bar.append(field(d.bandLabel, band));

        const status = document.createElement('p');
        status.className = 'small mb-0 ms-1 table-tools-count';
        status.setAttribute('role', 'status');
        bar.append(status);
        // Above the table's box and above its scroll hint (site.js), which must stay right above the box.
        const box = table.closest('.table-responsive') || table;
        const hint = box.previousElementSibling && box.previousElementSibling.classList.contains('scroll-hint') ? box.previousElementSibling : null;
        (hint || box).before(bar);

        const apply = () => {
            const words = fold(search.value).split(/\s+/).filter(w => w);
            let shown = 0;
            rows.forEach(r => {
                const name = fold(r.dataset.name);
                const visible = words.every(w => name.includes(w)) && (!band.value || r.dataset.band === band.value);
                r.hidden = !visible;
                shown += visible ? 1 : 0;
            });
            status.textContent = d.countFormat.replace('{0}', shown).replace('{1}', rows.length);
        };
        search.addEventListener('input', apply);
        band.addEventListener('change', apply);
        apply();

        // Sorting: each header cell of the first row gets a button; a second press reverses the order.
        const headers = Array.from(table.tHead ? table.tHead.rows[0].cells : []);
        headers.forEach((th, column) => {
            const button = document.createElement('button');
            button.type = 'button';
            button.className = 'sort-button';
            button.title = d.sortLabel;
            button.setAttribute('aria-label', d.sortLabel + ': ' + th.textContent.trim());
            button.textContent = '\u21C5';
            th.append(' ', button);
            button.addEventListener('click', () => {
                const ascending = th.getAttribute('aria-sort') !== 'ascending';
                headers.forEach(h => h.removeAttribute('aria-sort'));
                th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
                const key = r => {
                    const cell = r.cells[column];
                    return column === 0 ? fold(r.dataset.name) : (cell && cell.dataset.sort !== undefined && cell.dataset.sort !== '' ? parseFloat(cell.dataset.sort) : null);
                };
                const sorted = rows.slice().sort((a, b) => {
                    const [x, y] = [key(a), key(b)];
                    if (x === null || y === null) {
                        return x === y ? 0 : x === null ? 1 : -1; // no figure: always last
                    }
                    const c = typeof x === 'string' ? x.localeCompare(y, 'vi') : x - y;
                    return ascending ? c : -c;
                });
                sorted.forEach(r => body.append(r));
            });
        });
    });
})();
