#!/usr/bin/env python3
"""Times sign-in POSTs of a running NewsroomEditor: an existing e-mail with a wrong password
against an unknown e-mail, interleaved, N of each, each in a fresh cookie jar (GET the form for
its antiforgery token, then time the POST alone). Prints the medians and how often a single
request's time tells the two apart (threshold halfway between the medians)."""
import http.cookiejar, re, statistics, sys, time, urllib.parse, urllib.request

base, known, n = sys.argv[1].rstrip('/'), sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 50

class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None

def attempt(email):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
    page = opener.open(base + '/Account/Login').read().decode()
    fields = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page))
    fields.update({'Input.Email': email, 'Input.Password': 'not the password at all, surely'})
    body = urllib.parse.urlencode(fields).encode()
    start = time.perf_counter()
    try:
        response = opener.open(urllib.request.Request(base + '/Account/Login', data=body))
        response.read()
        status = response.status
    except urllib.error.HTTPError as e:
        status = e.code
    elapsed = (time.perf_counter() - start) * 1000
    if status != 200:
        sys.exit(f'unexpected status {status} for {email}')
    return elapsed

for _ in range(3):  # warm-up
    attempt(known); attempt('warm-up@example.invalid')
times = {'known': [], 'unknown': []}
for i in range(n):
    times['known'].append(attempt(known))
    times['unknown'].append(attempt(f'nobody{i}@example.invalid'))
mk, mu = statistics.median(times['known']), statistics.median(times['unknown'])
threshold = (mk + mu) / 2
high = 'known' if mk > mu else 'unknown'
right = sum(1 for k, ts in times.items() for t in ts if (t > threshold) == (k == high))
print(f'median known {mk:.1f} ms, unknown {mu:.1f} ms, difference {abs(mk - mu):.1f} ms; '
      f'{right} of {2 * n} single requests classified right by a {threshold:.1f} ms threshold ({100 * right / (2 * n):.0f}%)')
