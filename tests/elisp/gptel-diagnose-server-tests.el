;;; gptel-diagnose-server-tests.el --- The server's lifecycle and faults  -*- lexical-binding: t -*-

;;; Commentary:

;; ERT tests with real processes: the real server (command from
;; $GPTEL_DIAGNOSE_SERVER), and servers that crash in the middle of a
;; request, hang, print garbage, stop (SIGSTOP), or are missing.  Every
;; wait is bounded; the user always gets a line; the next failure
;; restarts the server.
;;
;; A cold start takes from 0.3 s to over 2 s on a loaded machine, so
;; no test races one: each waits for the event it depends on (the
;; answer to `initialize', a process state), with a bound a healthy
;; run never reaches.  Only tests about a timeout shorten
;; `gptel-diagnose-request-timeout', and only once the server is up
;; (or, for a server that never answers, once it runs).

;;; Code:

(require 'ert)
(require 'cl-lib)
(require 'gptel-request)
(require 'gptel-diagnose)

(defconst gptel-diagnose-server-tests--dir
  (file-name-directory (or load-file-name buffer-file-name))
  "This directory.")

(defun gptel-diagnose-server-tests--misbehave (mode)
  "The command of a server that misbehaves as MODE says."
  (list (or (executable-find "python3") "python3")
        (expand-file-name "servers/misbehave.py" gptel-diagnose-server-tests--dir)
        mode))

(defun gptel-diagnose-server-tests--real ()
  "The real server's command."
  (split-string-and-unquote (or (getenv "GPTEL_DIAGNOSE_SERVER")
                                (ert-skip "GPTEL_DIAGNOSE_SERVER is not set"))))

(defconst gptel-diagnose-server-tests--bound 60
  "Seconds after which a wait fails the test: never reached on a healthy run.")

(defmacro gptel-diagnose-server-tests--fresh (command &rest body)
  "Run BODY with no connection, no crash history, and the server COMMAND."
  (declare (indent 1))
  `(let ((gptel-diagnose-server-command ,command)
         (gptel-diagnose--connection nil)
         (gptel-diagnose--start-error nil)
         (gptel-diagnose--deaths nil)
         (gptel-diagnose--not-before 0)
         (gptel-diagnose-request-timeout gptel-diagnose-server-tests--bound))
     (unwind-protect (progn ,@body)
       (when gptel-diagnose--connection
         (delete-process (jsonrpc--process gptel-diagnose--connection))))))

(defun gptel-diagnose-server-tests--wait (what predicate)
  "Wait until PREDICATE returns non-nil; fail the test, saying WHAT, if it never does."
  (with-timeout (gptel-diagnose-server-tests--bound
                 (ert-fail (format "%s: not within %d s" what
                                   gptel-diagnose-server-tests--bound)))
    (while (not (funcall predicate)) (accept-process-output nil 0.05))))

(defun gptel-diagnose-server-tests--up ()
  "Start the server and wait until it has answered `initialize'; return the connection."
  (let ((conn (or (gptel-diagnose--connection) (ert-fail "the server did not start"))))
    (gptel-diagnose-server-tests--wait "the server answers initialize"
                                       (lambda () (gptel-diagnose--ready-p conn)))
    conn))

(defun gptel-diagnose-server-tests--diagnose (&optional params)
  "Diagnose a curl-7 failure (or PARAMS); return (LINE SECONDS).
Fails if no line comes within the bound: Emacs would look frozen."
  (let* ((failure (gptel-diagnose--make-failure
                   :params (or params (list :error (list :status "Curl failure"
                                                         :error "Curl failed with exit code 7.")
                                            :backend (list :kind "ollama"
                                                           :host "localhost:11434")))))
         (start (float-time))
         (line nil))
    (gptel-diagnose--request-diagnosis failure (lambda (f) (setq line (gptel-diagnose--line f))))
    (gptel-diagnose-server-tests--wait "a line for the failure" (lambda () line))
    (list line (- (float-time) start))))

(ert-deftest gptel-diagnose-server-starts-lazily ()
  (gptel-diagnose-server-tests--fresh (gptel-diagnose-server-tests--real)
    (let ((processes (length (process-list))))
      (unwind-protect
          (progn (gptel-diagnose-mode 1)
                 (should-not gptel-diagnose--connection)
                 (should (= processes (length (process-list)))))
        (gptel-diagnose-mode -1)))))

(ert-deftest gptel-diagnose-server-starts-when-gptel-sends-a-request ()
  (gptel-diagnose-server-tests--fresh (gptel-diagnose-server-tests--real)
    (let ((gptel-diagnose--gptel-handler #'ignore)
          (fsm (gptel-make-fsm :info nil)))
      (setf (gptel-fsm-state fsm) 'INIT)
      (gptel-diagnose--around-transition
       (lambda (m &rest _) (setf (gptel-fsm-state m) 'WAIT)) fsm)
      ;; Started before any failure; the failure then uses it.
      (should gptel-diagnose--connection)
      (let ((conn (gptel-diagnose-server-tests--up)))
        (should (string-match-p "ollama serve" (car (gptel-diagnose-server-tests--diagnose))))
        (should (eq conn gptel-diagnose--connection))))))

(ert-deftest gptel-diagnose-server-starts-when-idle-with-gptel-loaded ()
  (let ((gptel-diagnose--idle-timer nil))
    (unwind-protect
        (progn
          (gptel-diagnose--gptel-watch #'ignore)
          (should (memq gptel-diagnose--idle-timer timer-idle-list))
          (should (eq (timer--function gptel-diagnose--idle-timer)
                      #'gptel-diagnose--warm-up-for-gptel)))
      (gptel-diagnose--gptel-watch nil))
    (should-not gptel-diagnose--idle-timer))
  (gptel-diagnose-server-tests--fresh (gptel-diagnose-server-tests--real)
    (gptel-diagnose--warm-up-for-gptel)           ; what the idle timer runs
    (should gptel-diagnose--connection)
    (gptel-diagnose-server-tests--up)))

(ert-deftest gptel-diagnose-server-answers-and-stays-one-connection ()
  (gptel-diagnose-server-tests--fresh (gptel-diagnose-server-tests--real)
    (let ((first (car (gptel-diagnose-server-tests--diagnose)))
          (conn gptel-diagnose--connection))
      (should (string-match-p "ollama serve" first))
      (gptel-diagnose-server-tests--diagnose)
      (should (eq conn gptel-diagnose--connection))
      (should (jsonrpc-running-p conn)))))

(ert-deftest gptel-diagnose-server-crash-mid-request-gives-fallback-then-restarts ()
  (gptel-diagnose-server-tests--fresh (gptel-diagnose-server-tests--misbehave "crash")
    (gptel-diagnose-server-tests--up)
    ;; The death, not a timeout (the bound is a minute), gives the line.
    (let ((line (car (gptel-diagnose-server-tests--diagnose))))
      (should (string-prefix-p "gptel-diagnose: curl 7: nothing is listening" line))
      (should (string-match-p "server error: Server died" line)))
    (should-not gptel-diagnose--connection)
    ;; The next failure starts a new server (one death is no reason to wait).
    (setq gptel-diagnose-server-command (gptel-diagnose-server-tests--real))
    (should (string-match-p "ollama serve" (car (gptel-diagnose-server-tests--diagnose))))))

(ert-deftest gptel-diagnose-server-that-hangs-times-out-and-is-replaced ()
  (gptel-diagnose-server-tests--fresh (gptel-diagnose-server-tests--misbehave "hang")
    ;; It never answers initialize: the clock starts once it runs.
    (gptel-diagnose--connection)
    (let ((gptel-diagnose-request-timeout 1.5))
      (should (string-match-p "did not answer in time"
                              (car (gptel-diagnose-server-tests--diagnose)))))
    (should-not gptel-diagnose--connection)
    (setq gptel-diagnose-server-command (gptel-diagnose-server-tests--real))
    (should (string-match-p "ollama serve" (car (gptel-diagnose-server-tests--diagnose))))))

(ert-deftest gptel-diagnose-server-printing-garbage-never-freezes-emacs ()
  (gptel-diagnose-server-tests--fresh (gptel-diagnose-server-tests--misbehave "garbage")
    (gptel-diagnose--connection)
    ;; Whether jsonrpc.el skips the junk or wedges on it, a line comes
    ;; within the request timeout.
    (let ((gptel-diagnose-request-timeout 1.5))
      (should (string-prefix-p "gptel-diagnose: curl 7"
                               (car (gptel-diagnose-server-tests--diagnose)))))))

(ert-deftest gptel-diagnose-stopped-server-is-replaced ()
  (gptel-diagnose-server-tests--fresh (gptel-diagnose-server-tests--real)
    (gptel-diagnose-server-tests--diagnose)
    (let ((process (jsonrpc--process gptel-diagnose--connection)))
      (signal-process process 'SIGSTOP)
      ;; The stop reaches Emacs as a SIGCHLD: wait until it has seen it.
      (gptel-diagnose-server-tests--wait "Emacs sees the server stop"
                                         (lambda () (eq (process-status process) 'stop)))
      ;; Answered by a new server, not after a timeout (the bound is a minute).
      (should (string-match-p "ollama serve" (car (gptel-diagnose-server-tests--diagnose))))
      (should-not (eq process (jsonrpc--process gptel-diagnose--connection)))
      (gptel-diagnose-server-tests--wait "the stopped server is killed"
                                         (lambda () (not (process-live-p process)))))))

(ert-deftest gptel-diagnose-server-stopped-mid-request-times-out-then-restarts ()
  (gptel-diagnose-server-tests--fresh (gptel-diagnose-server-tests--misbehave "hang")
    (let* ((process (jsonrpc--process (gptel-diagnose--connection)))
           (failure (gptel-diagnose--make-failure
                     :params '(:error (:status "HTTP/2 503" :http_status "503"))))
           (line nil))
      (let ((gptel-diagnose-request-timeout 1.5))
        (gptel-diagnose--request-diagnosis failure
                                           (lambda (f) (setq line (gptel-diagnose--line f)))))
      (signal-process process 'SIGSTOP)
      (gptel-diagnose-server-tests--wait "a line after the timeout" (lambda () line))
      (should (string-prefix-p (concat "gptel-diagnose: "
                                       (string-remove-suffix
                                        "." (car (alist-get 503 gptel-diagnose--status-meanings))))
                               line))
      (should (string-match-p "did not answer in time" line))
      (gptel-diagnose-server-tests--wait "the stopped server is killed"
                                         (lambda () (not (process-live-p process)))))
    (setq gptel-diagnose-server-command (gptel-diagnose-server-tests--real))
    (should (string-match-p "ollama serve" (car (gptel-diagnose-server-tests--diagnose))))))

(ert-deftest gptel-diagnose-server-that-keeps-dying-is-backed-off-and-logged ()
  (gptel-diagnose-server-tests--fresh (gptel-diagnose-server-tests--misbehave "crash")
    (dotimes (_ 2)
      (gptel-diagnose-server-tests--up)
      (gptel-diagnose-server-tests--diagnose))
    (should (> gptel-diagnose--not-before (float-time)))
    (let ((line (car (gptel-diagnose-server-tests--diagnose))))
      (should (string-match-p "keeps dying; next try in [0-9]+ s" line)))
    (with-current-buffer gptel-diagnose--log-buffer
      (should (string-match-p "server died (exit status 9)" (buffer-string))))
    ;; M-x gptel-diagnose-restart-server forgets the crashes and tries at once.
    (setq gptel-diagnose-server-command (gptel-diagnose-server-tests--real))
    (gptel-diagnose-restart-server)
    (should (jsonrpc-running-p gptel-diagnose--connection))))

(ert-deftest gptel-diagnose-answer-that-is-not-a-diagnosis-gives-the-local-line ()
  (gptel-diagnose-server-tests--fresh (gptel-diagnose-server-tests--misbehave "badresult")
    (let ((line (car (gptel-diagnose-server-tests--diagnose))))
      (should (equal line (concat "gptel-diagnose: curl 7: nothing is listening at the host "
                                  "and port; server error: its answer is not a diagnosis "
                                  "(M-x gptel-diagnose-show-log)"))))))

(ert-deftest gptel-diagnose-missing-server-gives-the-local-line ()
  (gptel-diagnose-server-tests--fresh '("/nonexistent/gptel-diagnose-server")
    (let ((line (car (gptel-diagnose-server-tests--diagnose
                      '(:error (:status "HTTP/1.1 401 Unauthorized" :http_status "401"))))))
      (should (equal line (concat "gptel-diagnose: "
                                  (string-remove-suffix
                                   "." (car (alist-get 401 gptel-diagnose--status-meanings)))
                                  "; server not available (no such program: "
                                  "/nonexistent/gptel-diagnose-server); install it with "
                                  "M-x gptel-diagnose-install-server"))))))

(ert-deftest gptel-diagnose-exit-never-waits-for-the-server ()
  (gptel-diagnose-server-tests--fresh (gptel-diagnose-server-tests--misbehave "hang")
    (gptel-diagnose--connection)
    (let ((process (jsonrpc--process gptel-diagnose--connection))
          (start (float-time)))
      (should (memq #'gptel-diagnose--stop-at-exit kill-emacs-hook))
      (gptel-diagnose--stop-at-exit)
      (should (< (- (float-time) start) 0.2))
      (gptel-diagnose-server-tests--wait "the server dies with Emacs"
                                         (lambda () (not (process-live-p process)))))))

(ert-deftest gptel-diagnose-polite-stop-lets-the-real-server-exit-cleanly ()
  (gptel-diagnose-server-tests--fresh (gptel-diagnose-server-tests--real)
    (gptel-diagnose-server-tests--diagnose)
    (let ((process (jsonrpc--process gptel-diagnose--connection)))
      (gptel-diagnose--stop gptel-diagnose--connection)
      (gptel-diagnose-server-tests--wait "the server exits"
                                         (lambda () (not (process-live-p process))))
      (should (eq (process-status process) 'exit))
      (should (= (process-exit-status process) 0)))))

(ert-deftest gptel-diagnose-show-log-displays-the-log ()
  (gptel-diagnose--log "a line for the log test")
  (gptel-diagnose-show-log)
  (with-current-buffer gptel-diagnose--log-buffer
    (should (derived-mode-p 'special-mode))
    (should (string-match-p "a line for the log test" (buffer-string)))))

(defun gptel-diagnose-server-tests--install ()
  "Run `gptel-diagnose-install-server' to its end; return the messages it showed.
Only gptel-diagnose's own messages count: the old server's exit, which
an upgrade causes, makes jsonrpc.el message too (muted in the echo area,
yet a call of `message'), at a moment nobody chooses."
  (let ((shown nil))
    (cl-letf* ((message (symbol-function 'message))
               ((symbol-function 'message)
                (lambda (fmt &rest args)
                  (let ((text (and fmt (apply #'format fmt args))))
                    (when (and text (string-prefix-p "gptel-diagnose: " text))
                      (push text shown)))
                  (apply message fmt args))))
      (gptel-diagnose-install-server)
      (with-timeout (600 (ert-fail (format "the install did not finish in 10 minutes: %S"
                                           (reverse shown))))
        (while (not (cl-some (lambda (text)
                               (string-match-p "installed in\\|installing the server failed"
                                               text))
                             shown))
          (accept-process-output nil 0.2))))
    (nreverse shown)))

(ert-deftest gptel-diagnose-install-server-makes-a-working-private-environment ()
  :tags '(:expensive-test)
  (skip-unless (getenv "GPTEL_DIAGNOSE_TEST_INSTALL"))
  (let* ((user-emacs-directory (file-name-as-directory (make-temp-file "gd-emacs" t)))
         (gptel-diagnose-server-command nil))
    (unwind-protect
        (gptel-diagnose-server-tests--fresh nil
          ;; From the checkout's sources: they are this project's.
          (let ((shown (gptel-diagnose-server-tests--install)))
            (should (string-match-p "\\`gptel-diagnose: installing the server .* from .* with "
                                    (car shown)))
            (should (string-match-p (concat "\\`gptel-diagnose: server "
                                            (regexp-quote gptel-diagnose-version)
                                            " installed in [0-9.]+ s ([0-9]+ MB, ")
                                    (car (last shown)))))
          (should (equal (gptel-diagnose--server-command)
                         (list (gptel-diagnose--venv-script))))
          (let ((old (gptel-diagnose-server-tests--up)))
            (should (string-match-p "ollama serve"
                                    (car (gptel-diagnose-server-tests--diagnose))))
            ;; Again: an upgrade in place, and the running server is replaced.
            (let ((shown (gptel-diagnose-server-tests--install)))
              (should (string-match-p "\\`gptel-diagnose: upgrading the server" (car shown)))
              (should (string-match-p "installed in" (car (last shown)))))
            (should-not (eq old gptel-diagnose--connection))
            (gptel-diagnose-server-tests--wait
             "the old server exits" (lambda () (not (jsonrpc-running-p old))))
            (gptel-diagnose-server-tests--up))
          (with-current-buffer gptel-diagnose--install-buffer
            ;; pip ran without a terminal: no escape codes, no progress bars.
            (should-not (string-match-p "\e\\|\r\\|━" (buffer-string)))))
      (delete-directory user-emacs-directory t))))

(ert-deftest gptel-diagnose-install-failure-shows-the-last-line-and-the-next-step ()
  :tags '(:expensive-test)
  (skip-unless (getenv "GPTEL_DIAGNOSE_TEST_INSTALL"))
  ;; An Elisp-only copy asks the index, which here offers nothing.
  (let* ((lisp (make-temp-file "gd-lisp" t))
         (wheels (make-temp-file "gd-no-wheels" t))
         (user-emacs-directory (file-name-as-directory (make-temp-file "gd-emacs" t)))
         (gptel-diagnose--lisp-directory (file-name-as-directory lisp))
         (gptel-diagnose-install-extra-args (list "--no-index" "--find-links" wheels)))
    (unwind-protect
        (let ((end (car (last (gptel-diagnose-server-tests--install)))))
          (should (string-match-p
                   (concat "\\`gptel-diagnose: installing the server failed: install the "
                           "server from the package index exited with status [1-9][0-9]*: "
                           ".+; the package index does not offer gptel-diagnose "
                           (regexp-quote gptel-diagnose-version) " .*--find-links DIR")
                   end))
          (with-current-buffer gptel-diagnose--install-buffer
            (should (string-match-p "\nFailed: .*\nNext step: " (buffer-string)))))
      (dolist (dir (list lisp wheels user-emacs-directory)) (delete-directory dir t)))))

;;;; Start failures: said, with the install hint

(defconst gptel-diagnose-server-tests--sources
  (expand-file-name "../../server" gptel-diagnose-server-tests--dir)
  "The server's sources in this checkout.")

(defun gptel-diagnose-server-tests--from-sources (python &rest args)
  "A command that runs the server's sources with PYTHON and ARGS."
  (append (list "env" (concat "PYTHONPATH=" gptel-diagnose-server-tests--sources) python)
          args))

(defun gptel-diagnose-server-tests--unavailable (line why)
  "Non-nil if LINE says the server is unavailable because of WHY (a regexp)."
  (string-match-p (concat "; server not available (" why
                          "); install it with M-x gptel-diagnose-install-server\\'")
                  line))

(ert-deftest gptel-diagnose-missing-module-is-named-with-the-install-hint ()
  ;; A Python without the dependencies: a real ModuleNotFoundError.
  (let ((venv (make-temp-file "gd-bare-venv" t)))
    (unwind-protect
        (progn
          (should (zerop (call-process "python3" nil nil nil "-m" "venv" "--without-pip" venv)))
          (gptel-diagnose-server-tests--fresh
              (gptel-diagnose-server-tests--from-sources
               (expand-file-name "bin/python" venv) "-m" "gptel_diagnose")
            (let ((line (car (gptel-diagnose-server-tests--diagnose))))
              (should (string-prefix-p "gptel-diagnose: curl 7: nothing is listening" line))
              ;; The server's own sources, without its dependencies: say that.
              (should (gptel-diagnose-server-tests--unavailable
                       line "the server's dependencies are not installed: no [a-z_]+")))
            ;; Not a crash: no backing off, and the log keeps the traceback.
            (should (= gptel-diagnose--not-before 0))
            (with-current-buffer gptel-diagnose--log-buffer
              (should (string-match-p "ModuleNotFoundError: No module named" (buffer-string))))))
      (delete-directory venv t))))

(ert-deftest gptel-diagnose-python-too-old-is-said-with-the-install-hint ()
  ;; The sources' own guard, run as if by Python 3.8.
  (gptel-diagnose-server-tests--fresh
      (gptel-diagnose-server-tests--from-sources
       "python3" "-c" (concat "import sys; sys.version_info = (3, 8, 10, 'final', 0); "
                              "import runpy; runpy.run_module('gptel_diagnose', "
                              "run_name='__main__', alter_sys=True)"))
    (should (gptel-diagnose-server-tests--unavailable
             (car (gptel-diagnose-server-tests--diagnose))
             "Python 3\\.8 is too old: the server needs 3\\.10 or newer"))))

(ert-deftest gptel-diagnose-server-dying-at-start-is-said-not-retried-as-a-crash ()
  (gptel-diagnose-server-tests--fresh (gptel-diagnose-server-tests--misbehave "stderr")
    (dotimes (_ 3)
      (should (gptel-diagnose-server-tests--unavailable
               (car (gptel-diagnose-server-tests--diagnose))
               "it exited at start-up with status 3")))
    (should-not gptel-diagnose--deaths)
    (with-current-buffer gptel-diagnose--log-buffer
      (should (string-match-p "cannot import pydantic (pretend)" (buffer-string))))))

(ert-deftest gptel-diagnose-nothing-installed-is-said-without-running-python ()
  ;; An Elisp-only copy of the package, nothing on PATH, no private environment.
  (let* ((lisp (make-temp-file "gd-lisp" t))
         (user-emacs-directory (file-name-as-directory (make-temp-file "gd-emacs" t)))
         (gptel-diagnose--lisp-directory (file-name-as-directory lisp))
         (exec-path (seq-remove (lambda (dir)
                                  (file-executable-p
                                   (expand-file-name "gptel-diagnose-server" dir)))
                                exec-path))
         (processes (length (process-list))))
    (unwind-protect
        (gptel-diagnose-server-tests--fresh nil
          (should-not (gptel-diagnose--server-command))
          (gptel-diagnose--warm-up)
          (should (= processes (length (process-list))))
          (should (gptel-diagnose-server-tests--unavailable
                   (car (gptel-diagnose-server-tests--diagnose))
                   "the server is not installed")))
      (delete-directory lisp t)
      (delete-directory user-emacs-directory t))))

(ert-deftest gptel-diagnose-sources-are-used-only-when-they-are-this-project ()
  (let* ((root (make-temp-file "gd-root" t))
         (lisp (expand-file-name "elisp" root))
         (gptel-diagnose--lisp-directory (file-name-as-directory lisp)))
    (unwind-protect
        (cl-flet ((project (dir name)
                    (make-directory (expand-file-name "server/gptel_diagnose" dir) t)
                    (with-temp-file (expand-file-name "pyproject.toml" dir)
                      (insert "[build-system]\nrequires = [\"setuptools\"]\n\n"
                              "[project]\nname = \"" name "\"\nversion = \"1\"\n"))))
          (make-directory lisp t)
          (project root "someone-elses-project")
          (should-not (gptel-diagnose--source-root))
          (project root "gptel-diagnose")            ; a checkout: elisp/ in it
          (should (equal (gptel-diagnose--source-root) (directory-file-name root)))
          (project lisp "gptel-diagnose")            ; MELPA: beside the .el files
          (should (equal (gptel-diagnose--source-root) (directory-file-name lisp))))
      (delete-directory root t))))

;;;; Versions

(ert-deftest gptel-diagnose-older-server-is-offered-an-upgrade-once ()
  (let ((gptel-diagnose--told-older nil)
        (shown nil))
    (cl-letf (((symbol-function 'message)
               (lambda (fmt &rest args) (push (apply #'format fmt args) shown))))
      (gptel-diagnose-server-tests--fresh (gptel-diagnose-server-tests--misbehave "old")
        (gptel-diagnose-server-tests--up)
        (gptel-diagnose-restart-server)
        (gptel-diagnose-server-tests--up)))
    (should (equal (seq-filter (lambda (text) (string-match-p "older" text)) shown)
                   (list (concat "gptel-diagnose: the server is version 0.0.1, older than "
                                 "this package (" gptel-diagnose-version "); upgrade it "
                                 "with M-x gptel-diagnose-install-server"))))))

(ert-deftest gptel-diagnose-server-of-unknown-version-is-not-called-older ()
  ;; misbehave's "crash" answers initialize without serverInfo.
  (let ((gptel-diagnose--told-older nil)
        (shown nil))
    (cl-letf (((symbol-function 'message)
               (lambda (fmt &rest args) (push (apply #'format fmt args) shown))))
      (gptel-diagnose-server-tests--fresh (gptel-diagnose-server-tests--misbehave "crash")
        (gptel-diagnose-server-tests--up)))
    (should-not (seq-filter (lambda (text) (string-match-p "older" text)) shown))))

(ert-deftest gptel-diagnose-same-version-server-says-nothing-of-versions ()
  (let ((gptel-diagnose--told-older nil)
        (shown nil))
    (cl-letf (((symbol-function 'message)
               (lambda (fmt &rest args) (push (apply #'format fmt args) shown))))
      (gptel-diagnose-server-tests--fresh (gptel-diagnose-server-tests--real)
        (let ((conn (gptel-diagnose-server-tests--up)))
          (should (equal (process-get (jsonrpc--process conn) 'gptel-diagnose-version)
                         gptel-diagnose-version)))))
    (should-not (seq-filter (lambda (text) (string-match-p "older" text)) shown))))

;;;; The install plan (no process)

(ert-deftest gptel-diagnose-install-plan-without-sources-asks-the-index-for-this-version ()
  (let* ((gptel-diagnose-install-extra-args '("--find-links" "/wheels"))
         (venv (make-temp-file "gd-venv" t))
         (pip (gptel-diagnose--install-plan "/usr/bin/python3" (concat venv "/new")))
         (uv (gptel-diagnose--install-plan "/usr/bin/python3" (concat venv "/new") nil
                                           "/usr/bin/uv")))
    (unwind-protect
        (progn
          (should (equal (mapcar (lambda (step) (plist-get step :title)) pip)
                         (list "check Python" "make the environment"
                               "install the server from the package index"
                               "check the server")))
          (should (equal (plist-get (nth 1 pip) :command)
                         (list "/usr/bin/python3" "-m" "venv" (concat venv "/new"))))
          (should (equal (plist-get (nth 2 pip) :command)
                         (list (concat venv "/new/bin/python") "-m" "pip" "install" "--upgrade"
                               "--progress-bar" "off"
                               (concat "gptel-diagnose==" gptel-diagnose-version)
                               "--find-links" "/wheels")))
          (should (equal (plist-get (nth 1 uv) :command)
                         (list "/usr/bin/uv" "venv" "--python" "/usr/bin/python3"
                               (concat venv "/new"))))
          (should (equal (plist-get (nth 2 uv) :command)
                         (list "/usr/bin/uv" "pip" "install" "--python"
                               (concat venv "/new/bin/python") "--upgrade"
                               (concat "gptel-diagnose==" gptel-diagnose-version)
                               "--find-links" "/wheels"))))
      (delete-directory venv t))))

(ert-deftest gptel-diagnose-install-plan-from-sources-upgrades-an-existing-environment ()
  (let* ((venv (make-temp-file "gd-venv" t))
         (python (expand-file-name "bin/python" venv)))
    (unwind-protect
        (progn
          (make-directory (file-name-directory python))
          (copy-file (executable-find "python3") python)
          (let ((plan (gptel-diagnose--install-plan "python3" venv "/src/gd/")))
            ;; The environment exists: no step remakes it.
            (should (equal (mapcar (lambda (step) (plist-get step :title)) plan)
                           '("check Python" "install the server from its sources"
                             "check the server")))
            (should (member "/src/gd" (plist-get (nth 1 plan) :command)))))
      (delete-directory venv t))))

(defun gptel-diagnose-server-tests--next-step (output)
  "The next step after an install failed with OUTPUT, as the user reads it."
  (gptel-diagnose--install-text (gptel-diagnose--install-next-step output)))

(ert-deftest gptel-diagnose-install-failure-names-the-next-step ()
  (should (string-match-p "Python 3.10 or newer"
                          (gptel-diagnose-server-tests--next-step
                           "ERROR: Package 'gptel-diagnose' requires a different Python")))
  (should (string-match-p "network"
                          (gptel-diagnose-server-tests--next-step
                           (concat "WARNING: Retrying ... NewConnectionError: Failed to "
                                   "establish a new connection: [Errno -3] Temporary "
                                   "failure in name resolution"))))
  (should (string-match-p (concat "gptel-diagnose " (regexp-quote gptel-diagnose-version)
                                  " .*--find-links")
                          (gptel-diagnose-server-tests--next-step
                           (concat "ERROR: Could not find a version that satisfies the "
                                   "requirement gptel-diagnose==0.1.0"))))
  (should (string-match-p "python3-venv"
                          (gptel-diagnose-server-tests--next-step
                           "The virtual environment was not created successfully because ensurepip is not available"))))

(defun gptel-diagnose-server-tests--finish (ok why output)
  "End a made-up install: OK, or failed because of WHY with OUTPUT.
Return (ECHO BUFFER-TEXT LOG-TEXT): what the user and the log saw."
  (let ((shown nil)
        (buffer (generate-new-buffer " *gd-install*"))
        (gptel-diagnose--connection nil))
    (unwind-protect
        (progn
          (with-current-buffer (get-buffer-create gptel-diagnose--log-buffer)
            (let ((inhibit-read-only t)) (erase-buffer)))
          (cl-letf (((symbol-function 'message)
                     (lambda (fmt &rest args) (push (apply #'format fmt args) shown))))
            (gptel-diagnose--install-finish
             (list :buffer buffer :venv "/tmp/gd-venv" :start (- (float-time) 2)
                   :version "9.9.9" :size 42)
             ok why output))
          (list (car shown)
                (with-current-buffer buffer (buffer-string))
                (with-current-buffer gptel-diagnose--log-buffer (buffer-string))))
      (kill-buffer buffer))))

(ert-deftest gptel-diagnose-install-reads-in-chinese-and-logs-in-english ()
  "A Chinese user reads the install's result in Chinese; the log keeps English."
  (let ((gptel-diagnose-locale "zh"))
    (pcase-let ((`(,echo ,text ,log)
                 (gptel-diagnose-server-tests--finish
                  nil (list "%s exited with status %s: %s"
                            (list "install the server from the package index") 1
                            "ERROR: No matching distribution found for gptel-diagnose")
                  "ERROR: No matching distribution found for gptel-diagnose")))
      (should (string-prefix-p "gptel-diagnose：安装服务器失败：“从软件包索引安装服务器”这一步失败" echo))
      (should (string-search "国内的 PyPI 镜像" echo))
      (should (string-search "下一步：" text))
      (should-not (string-search "Next step" text))
      (should (string-search "install failed: install the server from the package index exited with status 1" log)))
    (pcase-let ((`(,echo ,text ,log) (gptel-diagnose-server-tests--finish t nil nil)))
      (should (string-match-p "\\`gptel-diagnose：服务器 9\\.9\\.9 已安装，用时 [0-9.]+ 秒（42 MB，/tmp/gd-venv）\\'"
                              echo))
      (should (string-search "服务器 9.9.9 已安装" text))
      (should (string-search "server 9.9.9 installed in" log))))
  (let ((gptel-diagnose-locale "en"))
    (pcase-let ((`(,echo ,_text ,_log)
                 (gptel-diagnose-server-tests--finish
                  nil '("Python %s is too old: the server needs 3.10 or newer" "3.8")
                  "Python 3.8 is too old: the server needs 3.10 or newer")))
      (should (equal echo (concat "gptel-diagnose: installing the server failed: Python 3.8 is "
                                  "too old: the server needs 3.10 or newer; install Python "
                                  "3.10 or newer and set `gptel-diagnose-python' to it (see "
                                  gptel-diagnose--install-buffer ")"))))))

(ert-deftest gptel-diagnose-server-texts-translate-with-the-same-arguments ()
  "Each Chinese text takes the arguments its English takes, in order."
  (dolist (entry gptel-diagnose--server-zh)
    (let ((directives (lambda (text)
                        (let ((start 0) found)
                          (while (string-match "%[-0-9.]*[sdf%]" text start)
                            (push (replace-regexp-in-string "[-0-9.]" "" (match-string 0 text))
                                  found)
                            (setq start (match-end 0)))
                          (nreverse found)))))
      (ert-info ((car entry))
        (should (equal (funcall directives (car entry)) (funcall directives (cdr entry))))))))

(ert-deftest gptel-diagnose-server-exit-mutes-only-jsonrpc ()
  "A dying server's sentinel hides jsonrpc's \"Server exited\", nothing else.
What runs nested in it (gptel's message for a request that failed
meanwhile) still reaches the echo area."
  (let ((shown nil))
    (cl-letf* ((message (symbol-function 'message))
               ((symbol-function 'message)
                (lambda (fmt &rest args)
                  (unless inhibit-message
                    (push (apply #'format fmt args) shown))
                  (apply message fmt args))))
      (funcall (gptel-diagnose--quiet-sentinel
                (lambda (_proc _event)
                  (jsonrpc--message "Server exited with status %s" 9)
                  (message "LLM response error: HTTP/1.1 429 Too Many Requests")))
               nil "killed\n"))
    (should (equal shown '("LLM response error: HTTP/1.1 429 Too Many Requests")))))

(provide 'gptel-diagnose-server-tests)
;;; gptel-diagnose-server-tests.el ends here
