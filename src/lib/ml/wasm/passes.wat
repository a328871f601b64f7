;; The binary logistic solver's passes over the row-major design, with 128-bit SIMD (f64x2):
;; two columns per instruction, four rows at a time (as logistic-kernels.ts, whose JS loops these
;; replace; logistic-wasm.ts calls them). Every pointer is a byte offset into the imported memory;
;; a block of rows is `n` rows of `d` doubles from `rows` on. Rows are 8-byte aligned only (d may be
;; odd): v128.load and v128.store accept any alignment.
;; The accumulations add each four rows' terms in the JS kernels' order, (((a0 + a1) + a2) + a3),
;; before adding them in, so the gradient, the diagonal and the Hessian are summed as in JS; only
;; the dot products differ, their even and odd columns summed in two lanes and added at the end.
;; Assembled by scripts/build-wasm.mjs into passes-bytes.ts.
(module
  (import "env" "memory" (memory 1))

  ;; out[0..3] = the four rows' dot products with v (rows p, p + s, p + 2s, p + 3s; s = 8d bytes).
  (func $dot4 (param $p i32) (param $d i32) (param $v i32) (param $out i32)
    (local $s i32) (local $j i32) (local $end i32) (local $x v128)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local $t0 f64) (local $t1 f64) (local $t2 f64) (local $t3 f64) (local $vj f64)
    (local.set $s (i32.shl (local.get $d) (i32.const 3)))
    ;; $end: byte offset of the last pair of columns' end (d rounded down to even)
    (local.set $end (i32.shl (i32.and (local.get $d) (i32.const -2)) (i32.const 3)))
    (block $done
      (loop $pairs
        (br_if $done (i32.ge_u (local.get $j) (local.get $end)))
        (local.set $x (v128.load (i32.add (local.get $v) (local.get $j))))
        (local.set $a0 (f64x2.add (local.get $a0)
          (f64x2.mul (v128.load (i32.add (local.get $p) (local.get $j))) (local.get $x))))
        (local.set $a1 (f64x2.add (local.get $a1)
          (f64x2.mul (v128.load (i32.add (i32.add (local.get $p) (local.get $s)) (local.get $j))) (local.get $x))))
        (local.set $a2 (f64x2.add (local.get $a2)
          (f64x2.mul (v128.load (i32.add (i32.add (local.get $p) (i32.shl (local.get $s) (i32.const 1))) (local.get $j))) (local.get $x))))
        (local.set $a3 (f64x2.add (local.get $a3)
          (f64x2.mul (v128.load (i32.add (i32.add (local.get $p) (i32.mul (local.get $s) (i32.const 3))) (local.get $j))) (local.get $x))))
        (local.set $j (i32.add (local.get $j) (i32.const 16)))
        (br $pairs)))
    (local.set $t0 (f64.add (f64x2.extract_lane 0 (local.get $a0)) (f64x2.extract_lane 1 (local.get $a0))))
    (local.set $t1 (f64.add (f64x2.extract_lane 0 (local.get $a1)) (f64x2.extract_lane 1 (local.get $a1))))
    (local.set $t2 (f64.add (f64x2.extract_lane 0 (local.get $a2)) (f64x2.extract_lane 1 (local.get $a2))))
    (local.set $t3 (f64.add (f64x2.extract_lane 0 (local.get $a3)) (f64x2.extract_lane 1 (local.get $a3))))
    ;; odd d: the last column
    (if (i32.and (local.get $d) (i32.const 1))
      (then
        (local.set $vj (f64.load (i32.add (local.get $v) (local.get $end))))
        (local.set $t0 (f64.add (local.get $t0)
          (f64.mul (f64.load (i32.add (local.get $p) (local.get $end))) (local.get $vj))))
        (local.set $t1 (f64.add (local.get $t1)
          (f64.mul (f64.load (i32.add (i32.add (local.get $p) (local.get $s)) (local.get $end))) (local.get $vj))))
        (local.set $t2 (f64.add (local.get $t2)
          (f64.mul (f64.load (i32.add (i32.add (local.get $p) (i32.shl (local.get $s) (i32.const 1))) (local.get $end))) (local.get $vj))))
        (local.set $t3 (f64.add (local.get $t3)
          (f64.mul (f64.load (i32.add (i32.add (local.get $p) (i32.mul (local.get $s) (i32.const 3))) (local.get $end))) (local.get $vj))))))
    (f64.store offset=0 (local.get $out) (local.get $t0))
    (f64.store offset=8 (local.get $out) (local.get $t1))
    (f64.store offset=16 (local.get $out) (local.get $t2))
    (f64.store offset=24 (local.get $out) (local.get $t3)))

  ;; One row's dot product with v.
  (func $dot1 (param $p i32) (param $d i32) (param $v i32) (result f64)
    (local $j i32) (local $end i32) (local $a v128) (local $t f64)
    (local.set $end (i32.shl (i32.and (local.get $d) (i32.const -2)) (i32.const 3)))
    (block $done
      (loop $pairs
        (br_if $done (i32.ge_u (local.get $j) (local.get $end)))
        (local.set $a (f64x2.add (local.get $a)
          (f64x2.mul (v128.load (i32.add (local.get $p) (local.get $j)))
                     (v128.load (i32.add (local.get $v) (local.get $j))))))
        (local.set $j (i32.add (local.get $j) (i32.const 16)))
        (br $pairs)))
    (local.set $t (f64.add (f64x2.extract_lane 0 (local.get $a)) (f64x2.extract_lane 1 (local.get $a))))
    (if (i32.and (local.get $d) (i32.const 1))
      (then (local.set $t (f64.add (local.get $t)
        (f64.mul (f64.load (i32.add (local.get $p) (local.get $end)))
                 (f64.load (i32.add (local.get $v) (local.get $end))))))))
    (local.get $t))

  ;; out[j] += q0 x0j + q1 x1j + q2 x2j + q3 x3j, j < d, over the four rows from p, s bytes apart
  ;; (squares = 1: the terms are q_r x_rj x_rj, the Hessian's diagonal). hessianLower passes
  ;; d = j + 1 for row j of H (its columns k <= j).
  (func $axpy4 (param $p i32) (param $s i32) (param $d i32) (param $q i32) (param $squares i32) (param $out i32)
    (local $j i32) (local $end i32) (local $r1 i32) (local $r2 i32) (local $r3 i32)
    (local $q0 v128) (local $q1 v128) (local $q2 v128) (local $q3 v128)
    (local $x0 v128) (local $x1 v128) (local $x2 v128) (local $x3 v128)
    (local $y0 f64) (local $y1 f64) (local $y2 f64) (local $y3 f64)
    (local.set $r1 (i32.add (local.get $p) (local.get $s)))
    (local.set $r2 (i32.add (local.get $r1) (local.get $s)))
    (local.set $r3 (i32.add (local.get $r2) (local.get $s)))
    (local.set $q0 (v128.load64_splat offset=0 (local.get $q)))
    (local.set $q1 (v128.load64_splat offset=8 (local.get $q)))
    (local.set $q2 (v128.load64_splat offset=16 (local.get $q)))
    (local.set $q3 (v128.load64_splat offset=24 (local.get $q)))
    (local.set $end (i32.shl (i32.and (local.get $d) (i32.const -2)) (i32.const 3)))
    (block $done
      (loop $pairs
        (br_if $done (i32.ge_u (local.get $j) (local.get $end)))
        (local.set $x0 (v128.load (i32.add (local.get $p) (local.get $j))))
        (local.set $x1 (v128.load (i32.add (local.get $r1) (local.get $j))))
        (local.set $x2 (v128.load (i32.add (local.get $r2) (local.get $j))))
        (local.set $x3 (v128.load (i32.add (local.get $r3) (local.get $j))))
        (if (local.get $squares)
          (then
            (local.set $x0 (f64x2.mul (f64x2.mul (local.get $q0) (local.get $x0)) (local.get $x0)))
            (local.set $x1 (f64x2.mul (f64x2.mul (local.get $q1) (local.get $x1)) (local.get $x1)))
            (local.set $x2 (f64x2.mul (f64x2.mul (local.get $q2) (local.get $x2)) (local.get $x2)))
            (local.set $x3 (f64x2.mul (f64x2.mul (local.get $q3) (local.get $x3)) (local.get $x3))))
          (else
            (local.set $x0 (f64x2.mul (local.get $q0) (local.get $x0)))
            (local.set $x1 (f64x2.mul (local.get $q1) (local.get $x1)))
            (local.set $x2 (f64x2.mul (local.get $q2) (local.get $x2)))
            (local.set $x3 (f64x2.mul (local.get $q3) (local.get $x3)))))
        (v128.store (i32.add (local.get $out) (local.get $j))
          (f64x2.add (v128.load (i32.add (local.get $out) (local.get $j)))
            (f64x2.add (f64x2.add (f64x2.add (local.get $x0) (local.get $x1)) (local.get $x2)) (local.get $x3))))
        (local.set $j (i32.add (local.get $j) (i32.const 16)))
        (br $pairs)))
    (if (i32.and (local.get $d) (i32.const 1))
      (then
        (local.set $y0 (f64.load (i32.add (local.get $p) (local.get $end))))
        (local.set $y1 (f64.load (i32.add (local.get $r1) (local.get $end))))
        (local.set $y2 (f64.load (i32.add (local.get $r2) (local.get $end))))
        (local.set $y3 (f64.load (i32.add (local.get $r3) (local.get $end))))
        (if (local.get $squares)
          (then
            (local.set $y0 (f64.mul (f64.mul (f64x2.extract_lane 0 (local.get $q0)) (local.get $y0)) (local.get $y0)))
            (local.set $y1 (f64.mul (f64.mul (f64x2.extract_lane 0 (local.get $q1)) (local.get $y1)) (local.get $y1)))
            (local.set $y2 (f64.mul (f64.mul (f64x2.extract_lane 0 (local.get $q2)) (local.get $y2)) (local.get $y2)))
            (local.set $y3 (f64.mul (f64.mul (f64x2.extract_lane 0 (local.get $q3)) (local.get $y3)) (local.get $y3))))
          (else
            (local.set $y0 (f64.mul (f64x2.extract_lane 0 (local.get $q0)) (local.get $y0)))
            (local.set $y1 (f64.mul (f64x2.extract_lane 0 (local.get $q1)) (local.get $y1)))
            (local.set $y2 (f64.mul (f64x2.extract_lane 0 (local.get $q2)) (local.get $y2)))
            (local.set $y3 (f64.mul (f64x2.extract_lane 0 (local.get $q3)) (local.get $y3)))))
        (f64.store (i32.add (local.get $out) (local.get $end))
          (f64.add (f64.load (i32.add (local.get $out) (local.get $end)))
            (f64.add (f64.add (f64.add (local.get $y0) (local.get $y1)) (local.get $y2)) (local.get $y3)))))))

  ;; out[j] += q x_j (squares: q x_j x_j) for one row.
  (func $axpy1 (param $p i32) (param $d i32) (param $q f64) (param $squares i32) (param $out i32)
    (local $j i32) (local $end i32) (local $qv v128) (local $x v128) (local $y f64)
    (local.set $qv (f64x2.splat (local.get $q)))
    (local.set $end (i32.shl (i32.and (local.get $d) (i32.const -2)) (i32.const 3)))
    (block $done
      (loop $pairs
        (br_if $done (i32.ge_u (local.get $j) (local.get $end)))
        (local.set $x (v128.load (i32.add (local.get $p) (local.get $j))))
        (local.set $x (if (result v128) (local.get $squares)
          (then (f64x2.mul (f64x2.mul (local.get $qv) (local.get $x)) (local.get $x)))
          (else (f64x2.mul (local.get $qv) (local.get $x)))))
        (v128.store (i32.add (local.get $out) (local.get $j))
          (f64x2.add (v128.load (i32.add (local.get $out) (local.get $j))) (local.get $x)))
        (local.set $j (i32.add (local.get $j) (i32.const 16)))
        (br $pairs)))
    (if (i32.and (local.get $d) (i32.const 1))
      (then
        (local.set $y (f64.load (i32.add (local.get $p) (local.get $end))))
        (local.set $y (if (result f64) (local.get $squares)
          (then (f64.mul (f64.mul (local.get $q) (local.get $y)) (local.get $y)))
          (else (f64.mul (local.get $q) (local.get $y)))))
        (f64.store (i32.add (local.get $out) (local.get $end))
          (f64.add (f64.load (i32.add (local.get $out) (local.get $end))) (local.get $y))))))

  ;; out[i] = x_i . v for the n rows from `rows`.
  (func (export "dots") (param $rows i32) (param $n i32) (param $d i32) (param $v i32) (param $out i32)
    (local $i i32) (local $s i32)
    (local.set $s (i32.shl (local.get $d) (i32.const 3)))
    (block $done
      (loop $rows4
        (br_if $done (i32.gt_s (i32.add (local.get $i) (i32.const 4)) (local.get $n)))
        (call $dot4 (local.get $rows) (local.get $d) (local.get $v)
          (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 3))))
        (local.set $rows (i32.add (local.get $rows) (i32.shl (local.get $s) (i32.const 2))))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $rows4)))
    (block $end
      (loop $tail
        (br_if $end (i32.ge_s (local.get $i) (local.get $n)))
        (f64.store (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 3)))
          (call $dot1 (local.get $rows) (local.get $d) (local.get $v)))
        (local.set $rows (i32.add (local.get $rows) (local.get $s)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $tail))))

  ;; out[j] += sum_i q_i x_ij (squares = 1: sum_i q_i x_ij^2) over the n rows from `rows`.
  (func $accumulate (export "accumulate") (param $rows i32) (param $n i32) (param $d i32) (param $q i32) (param $squares i32) (param $out i32)
    (local $i i32) (local $s i32)
    (local.set $s (i32.shl (local.get $d) (i32.const 3)))
    (block $done
      (loop $rows4
        (br_if $done (i32.gt_s (i32.add (local.get $i) (i32.const 4)) (local.get $n)))
        (call $axpy4 (local.get $rows) (local.get $s) (local.get $d)
          (i32.add (local.get $q) (i32.shl (local.get $i) (i32.const 3))) (local.get $squares) (local.get $out))
        (local.set $rows (i32.add (local.get $rows) (i32.shl (local.get $s) (i32.const 2))))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $rows4)))
    (block $end
      (loop $tail
        (br_if $end (i32.ge_s (local.get $i) (local.get $n)))
        (call $axpy1 (local.get $rows) (local.get $d)
          (f64.load (i32.add (local.get $q) (i32.shl (local.get $i) (i32.const 3)))) (local.get $squares) (local.get $out))
        (local.set $rows (i32.add (local.get $rows) (local.get $s)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $tail))))

  ;; out[j] += sum_i c_i (x_i . v) x_ij over the n rows from `rows`, four rows at a time while
  ;; they are in cache; scratch: 32 bytes for the four rows' c_i (x_i . v).
  (func (export "hessianTimes") (param $rows i32) (param $n i32) (param $d i32) (param $c i32) (param $v i32) (param $out i32) (param $scratch i32)
    (local $i i32) (local $s i32) (local $ci i32)
    (local.set $s (i32.shl (local.get $d) (i32.const 3)))
    (block $done
      (loop $rows4
        (br_if $done (i32.gt_s (i32.add (local.get $i) (i32.const 4)) (local.get $n)))
        (local.set $ci (i32.add (local.get $c) (i32.shl (local.get $i) (i32.const 3))))
        (call $dot4 (local.get $rows) (local.get $d) (local.get $v) (local.get $scratch))
        (v128.store offset=0 (local.get $scratch)
          (f64x2.mul (v128.load offset=0 (local.get $scratch)) (v128.load offset=0 (local.get $ci))))
        (v128.store offset=16 (local.get $scratch)
          (f64x2.mul (v128.load offset=16 (local.get $scratch)) (v128.load offset=16 (local.get $ci))))
        (call $axpy4 (local.get $rows) (local.get $s) (local.get $d) (local.get $scratch) (i32.const 0) (local.get $out))
        (local.set $rows (i32.add (local.get $rows) (i32.shl (local.get $s) (i32.const 2))))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $rows4)))
    (block $end
      (loop $tail
        (br_if $end (i32.ge_s (local.get $i) (local.get $n)))
        (call $axpy1 (local.get $rows) (local.get $d)
          (f64.mul (call $dot1 (local.get $rows) (local.get $d) (local.get $v))
                   (f64.load (i32.add (local.get $c) (i32.shl (local.get $i) (i32.const 3)))))
          (i32.const 0) (local.get $out))
        (local.set $rows (i32.add (local.get $rows) (local.get $s)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $tail))))

  ;; H[j][k] += sum_i c_i x_ij x_ik for k <= j (H row-major, d x d) over the n rows from `rows`:
  ;; row j of H is the accumulation of the rows' first j + 1 columns weighted by a_i = c_i x_ij.
  ;; scratch: 32 bytes for the four rows' a_i.
  (func (export "hessianLower") (param $rows i32) (param $n i32) (param $d i32) (param $c i32) (param $h i32) (param $scratch i32)
    (local $i i32) (local $s i32) (local $j i32) (local $ci i32) (local $x i32) (local $hj i32)
    (local.set $s (i32.shl (local.get $d) (i32.const 3)))
    (block $done
      (loop $rows4
        (br_if $done (i32.gt_s (i32.add (local.get $i) (i32.const 4)) (local.get $n)))
        (local.set $ci (i32.add (local.get $c) (i32.shl (local.get $i) (i32.const 3))))
        (local.set $j (i32.const 0))
        (local.set $hj (local.get $h))
        (block $cols
          (loop $col
            (br_if $cols (i32.ge_s (local.get $j) (local.get $d)))
            (local.set $x (i32.add (local.get $rows) (i32.shl (local.get $j) (i32.const 3))))
            (f64.store offset=0 (local.get $scratch)
              (f64.mul (f64.load offset=0 (local.get $ci)) (f64.load (local.get $x))))
            (f64.store offset=8 (local.get $scratch)
              (f64.mul (f64.load offset=8 (local.get $ci)) (f64.load (i32.add (local.get $x) (local.get $s)))))
            (f64.store offset=16 (local.get $scratch)
              (f64.mul (f64.load offset=16 (local.get $ci)) (f64.load (i32.add (local.get $x) (i32.shl (local.get $s) (i32.const 1))))))
            (f64.store offset=24 (local.get $scratch)
              (f64.mul (f64.load offset=24 (local.get $ci)) (f64.load (i32.add (local.get $x) (i32.mul (local.get $s) (i32.const 3))))))
            (call $axpy4 (local.get $rows) (local.get $s) (i32.add (local.get $j) (i32.const 1))
              (local.get $scratch) (i32.const 0) (local.get $hj))
            (local.set $hj (i32.add (local.get $hj) (local.get $s)))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $col)))
        (local.set $rows (i32.add (local.get $rows) (i32.shl (local.get $s) (i32.const 2))))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $rows4)))
    (block $end
      (loop $tail
        (br_if $end (i32.ge_s (local.get $i) (local.get $n)))
        (local.set $j (i32.const 0))
        (local.set $hj (local.get $h))
        (block $cols1
          (loop $col1
            (br_if $cols1 (i32.ge_s (local.get $j) (local.get $d)))
            (call $axpy1 (local.get $rows) (i32.add (local.get $j) (i32.const 1))
              (f64.mul (f64.load (i32.add (local.get $c) (i32.shl (local.get $i) (i32.const 3))))
                       (f64.load (i32.add (local.get $rows) (i32.shl (local.get $j) (i32.const 3)))))
              (i32.const 0) (local.get $hj))
            (local.set $hj (i32.add (local.get $hj) (local.get $s)))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $col1)))
        (local.set $rows (i32.add (local.get $rows) (local.get $s)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $tail))))
)
