;;; time-to-message.el --- Time from gptel's failure to gptel-diagnose's message  -*- lexical-binding: t -*-

;;; Commentary:

;; Run by scripts/bench in batch Emacs, with real gptel against the fake
;; provider at $BENCH_HOST.  The clock starts when gptel's state machine
;; reports the failure (`gptel-diagnose--report', called from inside
;; gptel's process sentinel) and stops when the line reaches the echo
;; area (`gptel-diagnose--echo').  The first failure finds no server:
;; it starts with the request (cold).  Then the server is stopped and
;; started again the way an idle Emacs starts it with gptel loaded
;; (`gptel-diagnose--warm-up-for-gptel'); once it is up, a failure is
;; the first it explains (background).  The others find it running
;; (warm).  Prints one line:
;; BENCH {"cold": MS, "background": MS, "warm_p50": MS, "warm_p90": MS, "n": N}.

;;; Code:

(require 'cl-lib)
(require 'gptel)
(require 'gptel-openai)
(require 'gptel-diagnose)

(defvar gptel-diagnose-bench--start nil "When the failure was reported.")
(defvar gptel-diagnose-bench--times nil "Milliseconds per failure, newest first.")

(defun gptel-diagnose-bench--started (&rest _)
  "Start the clock."
  (setq gptel-diagnose-bench--start (float-time)))

(defun gptel-diagnose-bench--shown (&rest _)
  "Stop the clock."
  (when gptel-diagnose-bench--start
    (push (* 1000 (- (float-time) gptel-diagnose-bench--start)) gptel-diagnose-bench--times)
    (setq gptel-diagnose-bench--start nil)))

(defun gptel-diagnose-bench--percentile (values fraction)
  "The FRACTION percentile of VALUES."
  (let ((sorted (sort (copy-sequence values) #'<)))
    (nth (min (1- (length sorted)) (floor (* fraction (length sorted)))) sorted)))

(defun gptel-diagnose-bench--fail ()
  "Make one request fail; wait until its explanation is shown (15 s at most)."
  (let ((before (length gptel-diagnose-bench--times))
        (deadline (+ (float-time) 15)))
    (with-temp-buffer
      (gptel-request "Say hello." :callback #'ignore)
      (while (and (= before (length gptel-diagnose-bench--times))
                  (< (float-time) deadline))
        (accept-process-output nil 0.01)))))

(defun gptel-diagnose-bench--wait (predicate)
  "Wait until PREDICATE holds (30 s at most)."
  (let ((deadline (+ (float-time) 30)))
    (while (and (not (funcall predicate)) (< (float-time) deadline))
      (accept-process-output nil 0.01))))

(defun gptel-diagnose-bench--background ()
  "Stop the server, start it as an idle Emacs would, and wait until it is up."
  (let ((process (jsonrpc--process gptel-diagnose--connection)))
    (gptel-diagnose--stop gptel-diagnose--connection)
    (gptel-diagnose-bench--wait (lambda () (not (process-live-p process)))))
  (gptel-diagnose--warm-up-for-gptel)
  (gptel-diagnose-bench--wait (lambda () (and gptel-diagnose--connection
                                              (gptel-diagnose--ready-p
                                               gptel-diagnose--connection)))))

(defun gptel-diagnose-bench-main ()
  "Fail $BENCH_FAILURES requests, timing each explanation; print the figures."
  (let ((failures (string-to-number (or (getenv "BENCH_FAILURES") "20")))
        (inhibit-message t))
    (setq gptel-diagnose-server-command
          (split-string-and-unquote (getenv "GPTEL_DIAGNOSE_SERVER"))
          gptel-backend (gptel-make-openai "Bench" :host (getenv "BENCH_HOST")
                                           :protocol "http" :key "sk-bench"
                                           :endpoint "/quota/v1/chat/completions"
                                           :models '(gpt-4o-mini))
          gptel-model 'gpt-4o-mini
          gptel-stream nil)
    (advice-add 'gptel-diagnose--report :before #'gptel-diagnose-bench--started)
    (advice-add 'gptel-diagnose--echo :after #'gptel-diagnose-bench--shown)
    (gptel-diagnose-mode 1)
    (gptel-diagnose-bench--fail)
    (gptel-diagnose-bench--background)
    (gptel-diagnose-bench--fail)
    (dotimes (_ (max 1 (- failures 2)))
      (gptel-diagnose-bench--fail))
    (let* ((times (reverse gptel-diagnose-bench--times))
           (warm (cddr times)))
      (princ (format "BENCH %s\n"
                     (json-encode
                      (list :cold (car times)
                            :background (cadr times)
                            :warm_p50 (gptel-diagnose-bench--percentile warm 0.5)
                            :warm_p90 (gptel-diagnose-bench--percentile warm 0.9)
                            :n (length times))))))))

(provide 'time-to-message)
;;; time-to-message.el ends here
