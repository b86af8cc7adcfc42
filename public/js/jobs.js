// Follows a PDF job through the documents API until it is done, moving the progress bar as chunks finish.
(function () {
  'use strict';
  var box = document.getElementById('job');
  if (!box) return;
  var id = box.getAttribute('data-job-id');
  var bar = document.getElementById('job-progress');
  var status = document.getElementById('job-status');
  var states = { queued: 'Đang chờ', rendering: 'Đang tạo', completed: 'Hoàn thành', failed: 'Lỗi' };
  function poll() {
    fetch('/api/documents/jobs/' + id, { headers: { accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (r) {
        return r.json();
      })
      .then(function (job) {
        bar.value = job.percent;
        bar.textContent = job.percent + '%';
        status.textContent = (states[job.state] || job.state) + ' – ' + job.percent + '%';
        if (job.state === 'completed') {
          document.getElementById('job-download').hidden = false;
          return;
        }
        if (job.state === 'failed') {
          var err = document.getElementById('job-error');
          err.textContent = job.error || 'Không tạo được văn bản.';
          err.hidden = false;
          return;
        }
        setTimeout(poll, 400);
      })
      .catch(function () {
        setTimeout(poll, 1500);
      });
  }
  poll();
})();
