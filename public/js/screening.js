// Follows a screening through the API until it is done, moving the progress bar as batches commit.
(function () {
  'use strict';
  var box = document.getElementById('screening');
  if (!box) return;
  var id = box.getAttribute('data-screening-id');
  var bar = document.getElementById('screening-progress');
  var status = document.getElementById('screening-status');
  var states = { QUEUED: 'Đang chờ', RUNNING: 'Đang rà soát', DONE: 'Hoàn thành', FAILED: 'Lỗi' };
  var number = new Intl.NumberFormat('vi-VN');
  function poll() {
    fetch('/api/screenings/' + id, { headers: { accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (r) {
        return r.json();
      })
      .then(function (s) {
        bar.value = s.percent;
        bar.textContent = s.percent + '%';
        status.textContent =
          (states[s.status] || s.status) +
          ' – ' +
          number.format(s.done) +
          ' / ' +
          number.format(s.total) +
          ' hồ sơ (' +
          s.percent +
          '%)';
        if (s.status === 'DONE') {
          document.getElementById('screening-done').hidden = false;
          return;
        }
        if (s.status === 'FAILED') {
          var err = document.getElementById('screening-error');
          err.textContent = s.error || 'Lượt rà soát đã dừng vì lỗi.';
          err.hidden = false;
          return;
        }
        setTimeout(poll, 700);
      })
      .catch(function () {
        setTimeout(poll, 2000);
      });
  }
  poll();
})();
