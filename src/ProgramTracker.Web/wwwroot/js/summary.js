// The summary page's buttons: copy the generated text to the clipboard, and print.
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
                    function () { say('Đã sao chép văn bản.'); },
                    function () { say('Trình duyệt không cho sao chép; hãy chọn văn bản và sao chép thủ công.'); });
            } else {
                say('Trình duyệt không hỗ trợ sao chép tự động; hãy chọn văn bản và sao chép thủ công.');
            }
        });
    }

    var print = document.getElementById('print-now');
    if (print) {
        print.addEventListener('click', function () { window.print(); });
    }
}());
