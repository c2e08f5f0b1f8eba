// Every page. A wide table scrolls inside its own box (.table-responsive) rather than pushing the page sideways.
// Where a box does scroll at the current width, it says so: a visible hint above it, and the box becomes a labelled,
// focusable region (so keyboard users can scroll it with the arrow keys). Narrower or wider, it is re-checked.
// The words come from the layout (<body data-scroll-hint data-scroll-label>), not from this file. No inline script: CSP holds.
(function () {
    'use strict';

    var body = document.body;
    var hintText = body.getAttribute('data-scroll-hint') || '';
    var labelText = body.getAttribute('data-scroll-label') || '';
    var boxes = Array.prototype.slice.call(document.querySelectorAll('.table-responsive'));
    if (boxes.length === 0) {
        return;
    }

    function name(box) {
        var caption = box.querySelector('caption');
        var text = caption ? caption.textContent : '';
        if (!text.trim()) {
            var section = box.closest('section, figure, form, main');
            var heading = section ? section.querySelector('h1, h2, h3, h4, legend') : null;
            text = heading ? heading.textContent : '';
        }
        text = text.replace(/\s+/g, ' ').trim();
        return text ? text + ' (' + labelText + ')' : labelText;
    }

    function mark(box) {
        box.setAttribute('data-scrolls', 'true');
        box.setAttribute('role', 'region');
        box.setAttribute('tabindex', '0');
        box.setAttribute('aria-label', name(box));
        var hint = document.createElement('p');
        hint.className = 'scroll-hint';
        hint.setAttribute('aria-hidden', 'true');
        hint.textContent = hintText;
        box.parentNode.insertBefore(hint, box);
    }

    function unmark(box) {
        box.removeAttribute('data-scrolls');
        box.removeAttribute('role');
        box.removeAttribute('tabindex');
        box.removeAttribute('aria-label');
        var hint = box.previousElementSibling;
        if (hint && hint.classList.contains('scroll-hint')) {
            hint.remove();
        }
    }

    function update() {
        boxes.forEach(function (box) {
            var scrolls = box.scrollWidth > box.clientWidth + 1;
            var marked = box.hasAttribute('data-scrolls');
            if (scrolls && !marked) {
                mark(box);
            } else if (!scrolls && marked) {
                unmark(box);
            }
        });
    }

    var pending = 0;
    window.addEventListener('resize', function () {
        window.cancelAnimationFrame(pending);
        pending = window.requestAnimationFrame(update);
    });
    // A table inside a closed <details> has no width until it opens.
    document.addEventListener('toggle', update, true);
    update();
}());

// The account form's unit chooser (issue 23): typing filters the units by name or statistics code, without accents;
// groups holding a match open, the others hide; checked units always stay in view.
(function () {
    const input = document.querySelector('input[data-unit-filter]');
    if (!input) return;
    const box = document.querySelector(input.getAttribute('data-unit-filter'));
    const status = document.getElementById('unit-filter-status');
    const fold = s => (s || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'd').toLowerCase().trim();
    const groups = [...box.querySelectorAll('details.unit-group')].map(d => ({
        details: d, wasOpen: d.open,
        items: [...d.querySelectorAll('[data-unit-choice]')].map(el => ({ el, text: fold(el.textContent), box: el.querySelector('input') })),
    }));
    input.addEventListener('input', function () {
        const q = fold(input.value);
        let shown = 0;
        groups.forEach(g => {
            let any = false;
            g.items.forEach(i => {
                const match = !q || i.text.includes(q) || i.box.checked;
                i.el.hidden = !match;
                if (match) { any = true; if (q) shown++; }
            });
            g.details.hidden = !!q && !any;
            g.details.open = q ? any : g.wasOpen;
        });
        status.textContent = q ? (box.getAttribute('data-count-template') || '{0}').replace('{0}', shown) : '';
    });
}());
