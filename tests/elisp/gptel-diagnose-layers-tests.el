;;; gptel-diagnose-layers-tests.el --- No layer calls up  -*- lexical-binding: t -*-

;;; Commentary:

;; The companion is in layers, each requiring only those below it:
;;
;;   gptel-diagnose.el > gptel-diagnose-gptel.el > gptel-diagnose-server.el
;;   > gptel-diagnose-tables.el
;;
;; These tests read the files (without loading them), collect the
;; symbols each one defines, and fail when a lower file names a symbol
;; a higher one defines, requires a higher one, or guards one of the
;; package's own functions with `fboundp'.

;;; Code:

(require 'ert)
(require 'cl-lib)

(defconst gptel-diagnose-layers-tests--elisp
  (expand-file-name "../../elisp/" (file-name-directory (or load-file-name buffer-file-name)))
  "The directory of the companion's files.")

(defconst gptel-diagnose-layers-tests--order
  '("gptel-diagnose-tables" "gptel-diagnose-server" "gptel-diagnose-gptel" "gptel-diagnose")
  "The layers, bottom first.")

(defun gptel-diagnose-layers-tests--read (text)
  "The top-level forms of the Lisp TEXT."
  (with-temp-buffer
    (insert text)
    (goto-char (point-min))
    (let ((forms nil))
      (condition-case nil
          (while t (push (read (current-buffer)) forms))
        (end-of-file nil))
      (nreverse forms))))

(defun gptel-diagnose-layers-tests--defined (forms)
  "The symbols FORMS define: functions, variables, macros, modes, struct parts."
  (let ((defined nil))
    (dolist (form forms)
      ;; A bare (defvar NAME) only declares a variable defined elsewhere.
      (when (and (consp form) (not (and (eq (car form) 'defvar) (null (cddr form)))))
        (pcase form
          (`(,(or 'defun 'defmacro 'defvar 'defvar-local 'defconst 'defcustom 'defgroup
                  'defsubst 'define-inline)
             ,(and (pred symbolp) name) . ,_)
           (push name defined))
          (`(,(or 'define-minor-mode 'define-derived-mode) ,name . ,_)
           (dolist (suffix '("" "-map" "-hook" "-syntax-table" "-abbrev-table"))
             (push (intern (format "%s%s" name suffix)) defined)))
          (`(cl-defstruct ,spec . ,rest)
           (let* ((name (if (consp spec) (car spec) spec))
                  (options (and (consp spec) (cdr spec)))
                  (slots (cl-remove-if #'stringp rest)))
             (push name defined)
             (push (intern (format "%s-p" name)) defined)
             (dolist (option options)
               (when (and (consp option) (memq (car option) '(:constructor :predicate))
                          (cadr option))
                 (push (cadr option) defined)))
             (dolist (slot slots)
               (push (intern (format "%s-%s" name (if (consp slot) (car slot) slot)))
                     defined)))))))
    defined))

(defun gptel-diagnose-layers-tests--symbols (form)
  "Every symbol in FORM, quoted or not (strings are not looked into)."
  (cond ((symbolp form) (list form))
        ((consp form) (append (gptel-diagnose-layers-tests--symbols (car form))
                              (gptel-diagnose-layers-tests--symbols (cdr form))))
        ((vectorp form) (gptel-diagnose-layers-tests--symbols (append form nil)))))

(defun gptel-diagnose-layers-tests--violations (layers)
  "What in LAYERS (alist of NAME and TEXT, bottom first) calls up, as strings."
  (let* ((forms (mapcar (lambda (layer)
                          (cons (car layer) (gptel-diagnose-layers-tests--read (cdr layer))))
                        layers))
         (defined (mapcar (lambda (layer)
                            (cons (car layer) (gptel-diagnose-layers-tests--defined (cdr layer))))
                          forms))
         (violations nil))
    (cl-loop
     for (name . body) in forms
     for higher = (cdr (member (assoc name defined) defined))
     for own = (cdr (assoc name defined))
     for used = (delete-dups (gptel-diagnose-layers-tests--symbols body))
     do (dolist (symbol used)
          (unless (memq symbol own)
            (dolist (layer higher)
              (when (memq symbol (cdr layer))
                (push (format "%s uses %s, defined in %s" name symbol (car layer))
                      violations)))))
     do (dolist (form body)
          (when (and (eq (car-safe form) 'require)
                     (member (symbol-name (cadr (cadr form))) (mapcar #'car higher)))
            (push (format "%s requires %s" name (cadr (cadr form))) violations)))
     do (let ((text (cdr (assoc name layers))))
          (when (string-match "(fboundp '\\(gptel-diagnose[^ )]*\\)" text)
            (push (format "%s guards its own package's %s with fboundp"
                          name (match-string 1 text))
                  violations))))
    (nreverse violations)))

(defun gptel-diagnose-layers-tests--file (name)
  "The text of the layer file NAME."
  (with-temp-buffer
    (insert-file-contents (expand-file-name (concat name ".el")
                                            gptel-diagnose-layers-tests--elisp))
    (buffer-string)))

(ert-deftest gptel-diagnose-no-layer-calls-up ()
  (should (equal (gptel-diagnose-layers-tests--violations
                  (mapcar (lambda (name) (cons name (gptel-diagnose-layers-tests--file name)))
                          gptel-diagnose-layers-tests--order))
                 nil)))

(ert-deftest gptel-diagnose-layer-check-finds-a-call-up ()
  ;; The check itself, on made-up layers: each kind of call up is found.
  (should (equal (gptel-diagnose-layers-tests--violations
                  '(("low" . "(defun low-f () (high-f) (fboundp 'gptel-diagnose-x))
                              (defvar low-v (high-s-name (make-high-s)))")
                    ("high" . "(require 'low)
                               (defun high-f () (low-f))
                               (cl-defstruct (high-s (:constructor make-high-s)) name)
                               (low-f)")))
                 '("low uses high-f, defined in high"
                   "low uses high-s-name, defined in high"
                   "low uses make-high-s, defined in high"
                   "low guards its own package's gptel-diagnose-x with fboundp")))
  (should (equal (gptel-diagnose-layers-tests--violations
                  '(("low" . "(require 'high)") ("high" . "(defun high-f ())")))
                 '("low requires high"))))

(provide 'gptel-diagnose-layers-tests)
;;; gptel-diagnose-layers-tests.el ends here
