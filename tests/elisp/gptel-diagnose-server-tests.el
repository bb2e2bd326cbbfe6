;;; gptel-diagnose-server-tests.el --- The server's lifecycle and faults  -*- lexical-binding: t -*-

;;; Commentary:

;; ERT tests with real processes: the real server (command from
;; $GPTEL_DIAGNOSE_SERVER), and servers that crash in the middle of a
;; request, hang, print garbage, stop (SIGSTOP), or are missing.  Every
;; wait is bounded; the user always gets a line; the next failure
;; restarts the server.

;;; Code:

(require 'ert)
(require 'cl-lib)
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

(defmacro gptel-diagnose-server-tests--fresh (command &rest body)
  "Run BODY with no connection, no crash history, and the server COMMAND."
  (declare (indent 1))
  `(let ((gptel-diagnose-server-command ,command)
         (gptel-diagnose--connection nil)
         (gptel-diagnose--deaths nil)
         (gptel-diagnose--not-before 0)
         (gptel-diagnose-request-timeout 1.5))
     (unwind-protect (progn ,@body)
       (when gptel-diagnose--connection
         (delete-process (jsonrpc--process gptel-diagnose--connection))))))

(defun gptel-diagnose-server-tests--diagnose (&optional params)
  "Diagnose a curl-7 failure (or PARAMS); return (LINE SECONDS)."
  (let* ((failure (gptel-diagnose--make-failure
                   :params (or params (list :error (list :status "Curl failure"
                                                         :error "Curl failed with exit code 7.")
                                            :backend (list :kind "ollama"
                                                           :host "localhost:11434")))))
         (start (float-time))
         (line nil))
    (gptel-diagnose--request-diagnosis failure (lambda (f) (setq line (gptel-diagnose--line f))))
    (with-timeout (10 (ert-fail "no line within 10 s: Emacs would look frozen"))
      (while (not line) (accept-process-output nil 0.05)))
    (list line (- (float-time) start))))

(ert-deftest gptel-diagnose-server-starts-lazily ()
  (gptel-diagnose-server-tests--fresh (gptel-diagnose-server-tests--real)
    (let ((processes (length (process-list))))
      (unwind-protect
          (progn (gptel-diagnose-mode 1)
                 (should-not gptel-diagnose--connection)
                 (should (= processes (length (process-list)))))
        (gptel-diagnose-mode -1)))))

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
    (pcase-let ((`(,line ,seconds) (gptel-diagnose-server-tests--diagnose)))
      (should (string-prefix-p "gptel-diagnose: curl 7: nothing is listening" line))
      (should (string-match-p "server error: Server died" line))
      (should (< seconds 3)))
    (should-not gptel-diagnose--connection)
    ;; The next failure starts a new server (one death is no reason to wait).
    (setq gptel-diagnose-server-command (gptel-diagnose-server-tests--real))
    (should (string-match-p "ollama serve" (car (gptel-diagnose-server-tests--diagnose))))))

(ert-deftest gptel-diagnose-server-that-hangs-times-out-and-is-replaced ()
  (gptel-diagnose-server-tests--fresh (gptel-diagnose-server-tests--misbehave "hang")
    (pcase-let ((`(,line ,seconds) (gptel-diagnose-server-tests--diagnose)))
      (should (string-match-p "did not answer in time" line))
      (should (< seconds (+ gptel-diagnose-request-timeout 1))))
    (should-not gptel-diagnose--connection)
    (setq gptel-diagnose-server-command (gptel-diagnose-server-tests--real))
    (should (string-match-p "ollama serve" (car (gptel-diagnose-server-tests--diagnose))))))

(ert-deftest gptel-diagnose-server-printing-garbage-never-freezes-emacs ()
  (gptel-diagnose-server-tests--fresh (gptel-diagnose-server-tests--misbehave "garbage")
    (pcase-let ((`(,line ,seconds) (gptel-diagnose-server-tests--diagnose)))
      (should (string-prefix-p "gptel-diagnose: curl 7" line))
      (should (< seconds (+ gptel-diagnose-request-timeout 1))))))

(ert-deftest gptel-diagnose-stopped-server-is-replaced ()
  (gptel-diagnose-server-tests--fresh (gptel-diagnose-server-tests--real)
    (gptel-diagnose-server-tests--diagnose)
    (let ((process (jsonrpc--process gptel-diagnose--connection)))
      (signal-process process 'SIGSTOP)
      ;; The stop reaches Emacs as a SIGCHLD: wait until it has seen it.
      (with-timeout (3 (ert-fail "Emacs never saw the server stop"))
        (while (not (eq (process-status process) 'stop))
          (accept-process-output nil 0.05)))
      (pcase-let ((`(,line ,seconds) (gptel-diagnose-server-tests--diagnose)))
        (should (string-match-p "ollama serve" line))
        (should (< seconds (+ gptel-diagnose-request-timeout 1))))
      (should-not (eq process (jsonrpc--process gptel-diagnose--connection)))
      (with-timeout (3 (ert-fail "the stopped server was not killed"))
        (while (process-live-p process) (accept-process-output nil 0.05))))))

(ert-deftest gptel-diagnose-server-stopped-mid-request-times-out-then-restarts ()
  (gptel-diagnose-server-tests--fresh (gptel-diagnose-server-tests--misbehave "hang")
    (gptel-diagnose--connection)
    (let ((process (jsonrpc--process gptel-diagnose--connection))
          (failure (gptel-diagnose--make-failure
                    :params '(:error (:status "HTTP/2 503" :http_status "503"))))
          (line nil))
      (gptel-diagnose--request-diagnosis failure
                                         (lambda (f) (setq line (gptel-diagnose--line f))))
      (signal-process process 'SIGSTOP)
      (with-timeout ((+ gptel-diagnose-request-timeout 1) (ert-fail "Emacs waited too long"))
        (while (not line) (accept-process-output nil 0.05)))
      (should (string-prefix-p (concat "gptel-diagnose: "
                                       (string-remove-suffix
                                        "." (car (alist-get 503 gptel-diagnose--status-meanings))))
                               line))
      (should (string-match-p "did not answer in time" line))
      (with-timeout (3 (ert-fail "the stopped server was not killed"))
        (while (process-live-p process) (accept-process-output nil 0.05))))
    (setq gptel-diagnose-server-command (gptel-diagnose-server-tests--real))
    (should (string-match-p "ollama serve" (car (gptel-diagnose-server-tests--diagnose))))))

(ert-deftest gptel-diagnose-server-that-keeps-dying-is-backed-off-and-logged ()
  (gptel-diagnose-server-tests--fresh (gptel-diagnose-server-tests--misbehave "stderr")
    (dotimes (_ 2) (gptel-diagnose-server-tests--diagnose))
    (should (> gptel-diagnose--not-before (float-time)))
    (let ((line (car (gptel-diagnose-server-tests--diagnose))))
      (should (string-match-p "keeps dying; next try in [0-9]+ s" line)))
    (with-current-buffer gptel-diagnose--log-buffer
      (should (string-match-p "cannot import pydantic (pretend)" (buffer-string)))
      (should (string-match-p "server died (exit status 3)" (buffer-string))))
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
                                  "; server not available (No such program: "
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
      (with-timeout (3 (ert-fail "the server outlived Emacs"))
        (while (process-live-p process) (accept-process-output nil 0.05))))))

(ert-deftest gptel-diagnose-polite-stop-lets-the-real-server-exit-cleanly ()
  (gptel-diagnose-server-tests--fresh (gptel-diagnose-server-tests--real)
    (gptel-diagnose-server-tests--diagnose)
    (let ((process (jsonrpc--process gptel-diagnose--connection)))
      (gptel-diagnose--stop gptel-diagnose--connection)
      (with-timeout (3 (ert-fail "the server did not exit"))
        (while (process-live-p process) (accept-process-output nil 0.05)))
      (should (eq (process-status process) 'exit))
      (should (= (process-exit-status process) 0)))))

(ert-deftest gptel-diagnose-show-log-displays-the-log ()
  (gptel-diagnose--log "a line for the log test")
  (gptel-diagnose-show-log)
  (with-current-buffer gptel-diagnose--log-buffer
    (should (derived-mode-p 'special-mode))
    (should (string-match-p "a line for the log test" (buffer-string)))))

(ert-deftest gptel-diagnose-install-server-makes-a-working-private-environment ()
  :tags '(:expensive-test)
  (skip-unless (getenv "GPTEL_DIAGNOSE_TEST_INSTALL"))
  (let* ((user-emacs-directory (file-name-as-directory (make-temp-file "gd-emacs" t)))
         (gptel-diagnose-server-command nil)
         (done nil))
    (unwind-protect
        (cl-letf (((symbol-function 'message)
                   (lambda (fmt &rest args)
                     (let ((text (apply #'format fmt args)))
                       (when (string-match-p "server installed\\|installing the server failed"
                                             text)
                         (setq done text))))))
          (gptel-diagnose-install-server)
          (with-timeout (600 (ert-fail "pip did not finish in 10 minutes"))
            (while (not done) (accept-process-output nil 0.2)))
          (should (string-match-p "server installed" done))
          (should (equal (gptel-diagnose--server-command)
                         (list (gptel-diagnose--venv-script))))
          (gptel-diagnose-server-tests--fresh nil
            (should (string-match-p "ollama serve"
                                    (car (gptel-diagnose-server-tests--diagnose))))))
      (delete-directory user-emacs-directory t))))

(provide 'gptel-diagnose-server-tests)
;;; gptel-diagnose-server-tests.el ends here
