// The summary page's buttons: copy the generated text to the clipboard, and print. Messages come from the page (data-*), in the reader's language.
(function () {
    'use strict';

    var copy = document.getElementById('copy-summary');
    var status = document.getElementById('copy-status');
    if (copy) {
        copy.addEventListener('click', function () {
            var text = document.getElementById(copy.getAttribute('data-copy-target')).value;
            var say = function (message) {
                if (status) {
                    status.textContent = message;
                    status.classList.remove('visually-hidden');
                }
            };
            if (navigator.clipboard && navigator.clipboard.writeText) {
                navigator.clipboard.writeText(text).then(
                    function () { say(copy.getAttribute('data-copied')); },
                    function () { say(copy.getAttribute('data-copy-failed')); });
            } else {
                say(copy.getAttribute('data-copy-failed'));
            }
        });
    }

    var print = document.getElementById('print-now');
    if (print) {
        print.addEventListener('click', function () { window.print(); });
    }
}());
