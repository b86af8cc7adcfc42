// Checks the minutes' arithmetic as the officer types, with the same rules the server applies on submit:
// issued ≤ present, returned ≤ issued, valid + invalid = returned, and for each person for + against + blank = valid.
(function () {
  'use strict';
  var form = document.getElementById('ballot-form');
  if (!form) return;
  function n(name) {
    var el = form.querySelector('[data-count="' + name + '"]');
    var v = el ? el.value.trim() : '';
    return /^\d+$/.test(v) ? Number(v) : null;
  }
  function say(name, text) {
    var el = form.querySelector('[data-error-for="' + name + '"]');
    var input = form.querySelector('[data-count="' + name + '"]');
    if (el) el.textContent = text || '';
    if (input) {
      if (text) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
    }
  }
  function check() {
    var present = n('membersPresent'),
      issued = n('ballotsIssued'),
      returned = n('ballotsReturned');
    var valid = n('ballotsValid'),
      invalid = n('ballotsInvalid');
    var problems = 0;
    say(
      'ballotsIssued',
      issued !== null && present !== null && issued > present
        ? 'Số phiếu phát ra (' + issued + ') lớn hơn số người dự họp (' + present + ').'
        : '',
    );
    say(
      'ballotsReturned',
      returned !== null && issued !== null && returned > issued
        ? 'Số phiếu thu về (' + returned + ') lớn hơn số phiếu phát ra (' + issued + ').'
        : '',
    );
    var sumOk = valid === null || invalid === null || returned === null || valid + invalid === returned;
    say(
      'ballotsValid',
      sumOk
        ? ''
        : 'Phiếu hợp lệ (' + valid + ') + không hợp lệ (' + invalid + ') phải bằng số phiếu thu về (' + returned + ').',
    );
    problems += form.querySelectorAll('[data-count][aria-invalid]').length;
    form.querySelectorAll('tr[data-row]').forEach(function (row) {
      var cell = row.querySelector('[data-tally]');
      var included = row.querySelector('input[type=checkbox]').checked;
      var votes = ['for', 'against', 'blank'].map(function (k) {
        var v = row.querySelector('[data-vote="' + k + '"]').value.trim();
        return /^\d+$/.test(v) ? Number(v) : null;
      });
      if (
        !included ||
        votes.some(function (v) {
          return v === null;
        }) ||
        valid === null
      )
        return;
      var sum = votes[0] + votes[1] + votes[2];
      if (sum !== valid) {
        problems++;
        cell.innerHTML = '';
        var div = document.createElement('div');
        div.className = 'error';
        div.textContent = 'Tổng ' + sum + ' phiếu, phải bằng ' + valid + ' phiếu hợp lệ.';
        cell.appendChild(div);
      } else {
        cell.innerHTML = '<span class="tally-ok">Khớp</span>';
      }
    });
    document.getElementById('ballot-check').textContent = problems ? 'Còn ' + problems + ' chỗ số liệu chưa khớp.' : '';
  }
  form.addEventListener('input', check);
  form.addEventListener('change', check);
  check();
})();
