#!/usr/bin/env python3
"""tests/server/drive_chromium.py: drives Debian's headless chromium through `chainlens serve`
pages over the DevTools pipe (--remote-debugging-pipe: JSON messages ended by NUL on fds 3/4, so
no websocket library is needed). Loads the chain page, clicks the segment's node in the chain
map with real mouse events, checks the segment page, goes back, ticks a candidate in the what-if
form and waits for the answer. Prints one JSON object of what it saw; screenshots go to OUTDIR.

usage: drive_chromium.py CHROMIUM BASE_URL CHAIN SEGMENT ADD_ID OUTDIR
"""
import base64
import json
import os
import subprocess
import sys
import time


class Browser:
    def __init__(self, chromium, outdir):
        cmd_r, self.cmd_w = os.pipe()
        self.ev_r, ev_w = os.pipe()

        def wire():  # in the child: our pipe ends become fds 3 (commands) and 4 (events)
            a, b = os.dup(cmd_r), os.dup(ev_w)
            os.dup2(a, 3)
            os.dup2(b, 4)

        self.log = open(os.path.join(outdir, 'chromium.log'), 'w')
        self.proc = subprocess.Popen(
            [chromium, '--headless=new', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--no-first-run',
             '--remote-debugging-pipe', '--user-data-dir=' + os.path.join(outdir, 'profile'),
             '--window-size=1280,900', '--proxy-server=127.0.0.1:9',  # loopback bypasses it; nothing else is reached
             'about:blank'],
            preexec_fn=wire, close_fds=False, stdout=subprocess.DEVNULL, stderr=self.log)
        os.close(cmd_r)
        os.close(ev_w)
        self.buf = b''
        self.next_id = 0
        self.events = []
        self.session = None

    def _read_message(self, deadline):
        while b'\0' not in self.buf:
            if time.time() > deadline:
                raise TimeoutError('no message from chromium')
            chunk = os.read(self.ev_r, 1 << 16)
            if not chunk:
                raise RuntimeError('chromium closed the pipe')
            self.buf += chunk
        msg, self.buf = self.buf.split(b'\0', 1)
        return json.loads(msg)

    def send(self, method, params=None, session=True, timeout=30):
        self.next_id += 1
        msg = {'id': self.next_id, 'method': method, 'params': params or {}}
        if session and self.session:
            msg['sessionId'] = self.session
        os.write(self.cmd_w, json.dumps(msg).encode() + b'\0')
        deadline = time.time() + timeout
        while True:
            m = self._read_message(deadline)
            if m.get('id') == self.next_id:
                if 'error' in m:
                    raise RuntimeError(method + ': ' + json.dumps(m['error']))
                return m.get('result', {})
            self.events.append(m)

    def eval(self, expression):
        r = self.send('Runtime.evaluate', {'expression': expression, 'returnByValue': True, 'awaitPromise': True})
        if 'exceptionDetails' in r:
            raise RuntimeError('script error: ' + json.dumps(r['exceptionDetails'])[:500])
        return r['result'].get('value')

    def wait_for(self, expression, timeout=20):
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                if self.eval(expression):
                    return True
            except RuntimeError:
                pass  # the page is navigating
            time.sleep(0.1)
        return False

    def navigate(self, url):
        self.send('Page.navigate', {'url': url})
        self.wait_for("document.readyState === 'complete' && location.href === %s" % json.dumps(url))

    def click(self, expression):
        """Scrolls the element `expression` finds into view and clicks its centre with the mouse."""
        rect = self.eval('(function(){var e=%s; if(!e) return null; e.scrollIntoView({block:"center",inline:"center"});'
                         'var r=e.getBoundingClientRect(); return [r.left+r.width/2, r.top+r.height/2];})()' % expression)
        if rect is None:
            raise RuntimeError('nothing to click: ' + expression)
        x, y = rect
        for kind in ('mouseMoved', 'mousePressed', 'mouseReleased'):
            self.send('Input.dispatchMouseEvent', {'type': kind, 'x': x, 'y': y, 'button': 'left', 'clickCount': 1})

    def screenshot(self, path):
        data = self.send('Page.captureScreenshot', {'format': 'png'})['data']
        with open(path, 'wb') as f:
            f.write(base64.b64decode(data))

    def close(self):
        try:
            self.send('Browser.close', session=False, timeout=5)
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def main():
    chromium, base, chain, segment, add_id, outdir = sys.argv[1:7]
    seen = {}
    b = Browser(chromium, outdir)
    try:
        target = b.send('Target.createTarget', {'url': 'about:blank'}, session=False)['targetId']
        b.session = b.send('Target.attachToTarget', {'targetId': target, 'flatten': True}, session=False)['sessionId']
        b.send('Page.enable')
        b.send('Runtime.enable')
        b.send('Emulation.setDeviceMetricsOverride', {'width': 1280, 'height': 900, 'deviceScaleFactor': 1, 'mobile': False})

        chain_url = base + '/chains/' + chain
        b.navigate(chain_url)
        seen['chain_ready'] = b.wait_for("document.body && document.body.getAttribute('data-ready') === '1'")
        seen['chain_title'] = b.eval("document.getElementById('chain-title').textContent")
        seen['map_links'] = b.eval("document.querySelectorAll('#chain-diagram svg a').length")
        b.screenshot(os.path.join(outdir, 'chain.png'))

        # The node of `segment` in the chain map, clicked as a person would.
        node = ("Array.from(document.querySelectorAll('#chain-diagram svg a')).find(function(a){"
                "var h=a.getAttribute('xlink:href')||a.getAttribute('href')||'';"
                "return h.endsWith('/segments/' + %s);})" % json.dumps(segment))
        b.click(node)
        seen['followed'] = b.wait_for("location.pathname.indexOf('/segments/') >= 0 && document.readyState === 'complete'")
        seen['segment_path'] = b.eval('location.pathname')
        seen['segment_title'] = b.eval("(document.getElementById('segment-title')||{}).textContent || ''")
        seen['segment_factors'] = b.eval("document.querySelectorAll('#factors tbody tr').length")
        seen['segment_candidates'] = b.eval("document.querySelectorAll('#candidate-table tbody tr').length")
        b.screenshot(os.path.join(outdir, 'segment.png'))

        # Back to the chain; tick one candidate: app.js runs the what-if and fills the result box.
        b.navigate(chain_url)
        b.wait_for("document.body && document.body.getAttribute('data-ready') === '1'")
        seen['slsr_on_page'] = b.eval("document.getElementById('chain-slsr').textContent")
        b.click("document.querySelector('#whatif-form input[name=add][value=%s]')" % json.dumps(add_id))
        seen['whatif_done'] = b.wait_for(
            "(function(){var o=document.getElementById('whatif-result');"
            "return o.getAttribute('data-state')==='done' && (o.getAttribute('data-query')||'').indexOf('add=' + %s) >= 0;})()"
            % json.dumps(add_id))
        seen['slsr_before'] = b.eval("(document.getElementById('whatif-slsr-before')||{}).textContent || ''")
        seen['slsr_after'] = b.eval("(document.getElementById('whatif-slsr-after')||{}).textContent || ''")
        seen['changed_rows'] = b.eval("document.querySelectorAll('#whatif-segments tbody tr').length")
        seen['script_error'] = b.eval("document.body.getAttribute('data-script-error') || ''")
        b.eval("document.getElementById('whatif').scrollIntoView()")
        b.screenshot(os.path.join(outdir, 'whatif.png'))
    finally:
        b.close()
    print(json.dumps(seen, ensure_ascii=False))


if __name__ == '__main__':
    main()
